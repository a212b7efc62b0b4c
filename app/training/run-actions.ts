"use server";

import { z } from "zod";
import type { StartTrainingResult } from "@/lib/contracts/training-run";
import { requireUser } from "@/server/auth/current-user";
import { UnauthorizedError } from "@/server/auth/session-user";
import { startTrainingJob } from "@/server/train/start-training";

const projectIdSchema = z.string().uuid({ message: "not a project id" });

/** Trains the models of one of the user's projects with its saved settings, as a background job. */
export async function startTrainingRun(projectId: unknown): Promise<StartTrainingResult> {
  try {
    const user = await requireUser();
    const id = projectIdSchema.safeParse(projectId);
    if (!id.success) return { ok: false, error: "Project not found." };
    return await startTrainingJob(user, id.data);
  } catch (error) {
    if (error instanceof UnauthorizedError) return { ok: false, error: error.message };
    console.error("startTrainingRun:", error);
    return { ok: false, error: "The training could not be started. Try again." };
  }
}
