"use server";

import { jobIdSchema } from "@/lib/contracts/job-view";
import { userCommand } from "@/server/auth/user-action";
import { cancelOwnJob } from "@/server/jobs/cancel-job";

/** Cancels one of the user's queued or running jobs; false when it is not theirs or has finished. */
export async function cancelJob(jobId: unknown): Promise<{ ok: boolean }> {
  return userCommand("cancelJob", async (user) => {
    const id = jobIdSchema.safeParse(jobId);
    return id.success && (await cancelOwnJob(user, id.data));
  });
}
