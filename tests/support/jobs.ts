import type { Database } from "@/server/db/database";
import { findJob, type JobRow } from "@/server/jobs/job-queue";

/** Reads `check` every `intervalMs` until it gives a value (not undefined, null or false); fails saying `what` did not happen. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, what: string, { timeoutMs = 60_000, intervalMs = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what} within ${timeoutMs} ms`);
}

const FINAL_STATUSES = new Set(["succeeded", "failed", "cancelled"]);

/** The job's row once it has succeeded, failed or been cancelled. */
export async function finishedJob(db: Database, jobId: string, timeoutMs = 60_000): Promise<JobRow> {
  return eventually(
    async () => {
      const job = await db.asService((sql) => findJob(sql, jobId));
      return job && FINAL_STATUSES.has(job.status) ? job : null;
    },
    `job ${jobId} did not finish`,
    { timeoutMs },
  );
}
