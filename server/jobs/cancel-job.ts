import "server-only";
import type { SessionUser } from "@/server/auth/session-user";
import { database } from "@/server/db";
import { jobHandlers } from "./job-kinds-registry";
import { cancelJob } from "./job-queue";
import { abortJobInRunner } from "./runner-instance";

/**
 * Cancels one of the user's queued or running jobs (under RLS: another user's job is not
 * found). The kind's handler records the cancel in the same transaction; a running thread
 * in this process is stopped at once, one in another process at its next progress write.
 */
export async function cancelOwnJob(user: SessionUser, jobId: string): Promise<boolean> {
  const db = await database();
  const cancelled = await db.asUser(user.id, (sql) => cancelJob(sql, jobId));
  if (!cancelled) return false;
  const handler = jobHandlers[cancelled.kind];
  await db.asService((sql) => handler?.onCancelled?.(sql, cancelled) ?? Promise.resolve());
  abortJobInRunner(jobId);
  await handler?.announce(cancelled);
  return true;
}
