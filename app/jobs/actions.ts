"use server";

import { jobIdSchema } from "@/lib/contracts/job-view";
import { requireUser } from "@/server/auth/current-user";
import { UnauthorizedError } from "@/server/auth/session-user";
import { cancelOwnJob } from "@/server/jobs/cancel-job";

/** Cancels one of the user's queued or running jobs; false when it is not theirs or has finished. */
export async function cancelJob(jobId: unknown): Promise<{ ok: boolean }> {
  try {
    const user = await requireUser();
    const id = jobIdSchema.safeParse(jobId);
    if (!id.success) return { ok: false };
    return { ok: await cancelOwnJob(user, id.data) };
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) console.error("cancelJob:", error);
    return { ok: false };
  }
}
