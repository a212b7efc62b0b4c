"use server";

import { projectIdSchema } from "@/lib/contracts/training-project";
import type { StartTrainingResult } from "@/lib/contracts/training-run";
import { userAction } from "@/server/auth/user-action";
import { startTrainingJob } from "@/server/train/start-training";

/** Trains the models of one of the user's projects with its saved settings, as a background job. */
export async function startTrainingRun(projectId: unknown): Promise<StartTrainingResult> {
  return userAction<StartTrainingResult>("startTrainingRun", "The training could not be started. Try again.", async (user) => {
    const id = projectIdSchema.safeParse(projectId);
    if (!id.success) return { ok: false, error: "Project not found." };
    return startTrainingJob(user, id.data);
  });
}
