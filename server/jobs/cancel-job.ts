import "server-only";
import type { SessionUser } from "@/server/auth/session-user";
import { database } from "@/server/db";
import { asServiceWithin } from "@/server/db/database";
import { jobHandlers } from "./job-kinds-registry";
import { cancelJob } from "./job-queue";
import { abortJobInRunner } from "./runner-instance";

/**
 * Cancels one of the user's queued or running jobs (under RLS: another user's job is not
 * found) of a kind that can clean up after itself; the kind's handler records the cancel in
 * the same transaction. A running thread in this process is stopped at once, one in another
 * process at its next progress write.
 */
export async function cancelOwnJob(user: SessionUser, jobId: string): Promise<boolean> {
  const db = await database();
  const cancelled = await db.asUser(user.id, async (sql) => {
    const [visible] = await sql.query<{ kind: string }>("select kind from jobs where id = $1", [jobId]);
    const onCancelled = visible ? jobHandlers[visible.kind]?.onCancelled : undefined;
    if (!onCancelled) return null;
    const row = await cancelJob(sql, jobId);
    if (row) await asServiceWithin(sql, () => onCancelled(sql, row));
    return row;
  });
  if (!cancelled) return false;
  abortJobInRunner(jobId);
  await jobHandlers[cancelled.kind].announce(cancelled);
  return true;
}
