import "server-only";
import type { Sql } from "@/server/db";
import { asServiceWithin } from "@/server/db/database";
import { retryPolicy } from "./job-retry-policy";

export interface JobRow {
  id: string;
  owner_id: string;
  kind: string;
  upload_id: string | null;
  dataset_id: string | null;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  stage: string;
  progress: number;
  message: string | null;
  seq: string | number;
  attempts: number;
  max_attempts: number;
  /** Failed for good because its attempts ran out on crashes, not because of what it was given. */
  gave_up: boolean;
  payload: Record<string, unknown>;
  created_at: Date | string;
  updated_at: Date | string;
}

/**
 * A running job's worker renews this lease every quarter of it; a job whose lease ran out is
 * shown as retrying at the next sweep, so a dead worker is visible within half a minute.
 */
export const JOB_LEASE_MS = 20_000;

/** Queues a job, with the attempts its kind's retry policy allows unless `maxAttempts` says otherwise. Users cannot write jobs themselves (0006): the insert runs as the service, after the caller's checks under RLS. */
export async function enqueueJob(
  sql: Sql,
  job: { ownerId: string; kind: string; uploadId?: string; datasetId?: string; payload?: Record<string, unknown>; maxAttempts?: number },
): Promise<JobRow> {
  const rows = await asServiceWithin(sql, () =>
    sql.query<JobRow>(
    `insert into jobs (owner_id, kind, upload_id, dataset_id, payload, max_attempts)
     values ($1, $2, $3, $4, $5::text::jsonb, $6) returning *`,
      [job.ownerId, job.kind, job.uploadId ?? null, job.datasetId ?? null, JSON.stringify(job.payload ?? {}), job.maxAttempts ?? retryPolicy(job.kind).maxAttempts],
    ),
  );
  return rows[0];
}

/**
 * Takes the oldest runnable job for this worker. SKIP LOCKED lets any number of workers,
 * in any number of processes, claim concurrently without taking the same job twice.
 */
export async function claimJob(sql: Sql, workerId: string, kinds: string[]): Promise<JobRow | null> {
  const rows = await sql.query<JobRow>(
    `update jobs set status = 'running', stage = 'starting', attempts = attempts + 1, locked_by = $1,
       locked_until = now() + ($2 || ' milliseconds')::interval, started_at = coalesce(started_at, now()),
       updated_at = now(), seq = seq + 1
     where id = (
       select id from jobs where status = 'queued' and run_after <= now() and kind = any($3::text[])
       order by run_after, created_at for update skip locked limit 1)
     returning *`,
    [workerId, String(JOB_LEASE_MS), kinds],
  );
  return rows[0] ?? null;
}

/** Records progress and extends the lease; returns null when the job is no longer this worker's. */
export async function recordJobProgress(
  sql: Sql,
  jobId: string,
  workerId: string,
  update: { stage: string; progress: number; message?: string | null },
): Promise<JobRow | null> {
  const rows = await sql.query<JobRow>(
    `update jobs set stage = $3, progress = $4, message = $5, seq = seq + 1, updated_at = now(),
       locked_until = now() + ($6 || ' milliseconds')::interval
     where id = $1 and locked_by = $2 and status = 'running' returning *`,
    [jobId, workerId, update.stage, Math.min(1, Math.max(0, update.progress)), update.message ?? null, String(JOB_LEASE_MS)],
  );
  return rows[0] ?? null;
}

export async function completeJob(sql: Sql, jobId: string, workerId: string, result: unknown): Promise<JobRow | null> {
  const rows = await sql.query<JobRow>(
    `update jobs set status = 'succeeded', stage = 'done', progress = 1, message = null, result = $3::text::jsonb,
       seq = seq + 1, updated_at = now(), finished_at = now(), locked_by = null, locked_until = null
     where id = $1 and locked_by = $2 and status = 'running' returning *`,
    [jobId, workerId, JSON.stringify(result ?? null)],
  );
  return rows[0] ?? null;
}

/**
 * A failed attempt: back to the queue with its kind's exponential backoff while attempts
 * remain (`retryable`), otherwise failed for good with the message the user will read.
 */
export async function failJob(sql: Sql, jobId: string, workerId: string, message: string, retryable: boolean): Promise<JobRow | null> {
  const [job] = await sql.query<{ kind: string }>("select kind from jobs where id = $1", [jobId]);
  if (!job) return null;
  const rows = await sql.query<JobRow>(
    `update jobs set
       status = case when $4 and attempts < max_attempts then 'queued' else 'failed' end,
       stage = case when $4 and attempts < max_attempts then 'retrying' else 'failed' end,
       gave_up = $4 and attempts >= max_attempts,
       run_after = now() + (($5::bigint * power(2, attempts - 1)) || ' milliseconds')::interval,
       message = $3, seq = seq + 1, updated_at = now(), locked_by = null, locked_until = null,
       finished_at = case when $4 and attempts < max_attempts then null else now() end
     where id = $1 and locked_by = $2 and status = 'running' returning *`,
    [jobId, workerId, message, retryable, retryPolicy(job.kind).backoffMs],
  );
  return rows[0] ?? null;
}

/** Running jobs whose worker stopped renewing its lease: retried, or failed after the last attempt. */
export async function expireStuckJobs(sql: Sql): Promise<JobRow[]> {
  return sql.query<JobRow>(
    `update jobs set
       status = case when attempts < max_attempts then 'queued' else 'failed' end,
       stage = case when attempts < max_attempts then 'retrying' else 'failed' end,
       gave_up = attempts >= max_attempts,
       message = 'The worker running this job stopped responding.',
       run_after = now(), seq = seq + 1, updated_at = now(), locked_by = null, locked_until = null,
       finished_at = case when attempts < max_attempts then null else now() end
     where status = 'running' and locked_until < now() returning *`,
  );
}

/**
 * Hands running jobs back to the queue, to be claimed again at once. With a `workerId`: the
 * jobs of a runner that is stopping, whose interrupted attempt is not counted. With null:
 * every running job, for a process that holds the embedded data folder's lock and so knows
 * their process is dead; that attempt counts (the process may have died of the job), and a
 * job out of attempts fails, as when a lease runs out.
 */
export async function requeueRunningJobs(sql: Sql, workerId: string | null): Promise<JobRow[]> {
  return sql.query<JobRow>(
    `update jobs set
       attempts = case when $1::text is null then attempts else greatest(attempts - 1, 0) end,
       status = case when $1::text is null and attempts >= max_attempts then 'failed' else 'queued' end,
       stage = case when $1::text is null and attempts >= max_attempts then 'failed' else 'queued' end,
       progress = case when $1::text is null and attempts >= max_attempts then progress else 0 end,
       message = case when $1::text is null and attempts >= max_attempts then 'Chronoframe stopped during every attempt of this job.' else null end,
       finished_at = case when $1::text is null and attempts >= max_attempts then now() else null end,
       run_after = now(), seq = seq + 1, updated_at = now(), locked_by = null, locked_until = null
     where status = 'running' and ($1::text is null or locked_by = $1) returning *`,
    [workerId],
  );
}

/**
 * Cancels a queued or running job; null when it has finished already or is not visible. The
 * job is looked up under the caller's RLS, the update runs as the service (users cannot write jobs).
 */
export async function cancelJob(sql: Sql, jobId: string): Promise<JobRow | null> {
  if ((await sql.query("select 1 from jobs where id = $1", [jobId])).length === 0) return null;
  const rows = await asServiceWithin(sql, () =>
    sql.query<JobRow>(
    `update jobs set status = 'cancelled', stage = 'cancelled', message = null, seq = seq + 1, updated_at = now(),
       finished_at = now(), locked_by = null, locked_until = null
     where id = $1 and status in ('queued', 'running') returning *`,
      [jobId],
    ),
  );
  return rows[0] ?? null;
}

export async function findJob(sql: Sql, jobId: string): Promise<JobRow | null> {
  const rows = await sql.query<JobRow>("select * from jobs where id = $1", [jobId]);
  return rows[0] ?? null;
}
