import "server-only";
import type { JobDetail, JobStatus } from "@/lib/contracts/job-view";
import type { Sql } from "@/server/db";
import type { JobRow } from "./job-queue";

const iso = (value: Date | string) => new Date(value).toISOString();

/** A queued job that has had attempts is waiting for its retry: the UI says so, with why. */
export function jobViewStatus(row: Pick<JobRow, "status" | "stage">): JobStatus {
  return row.status === "queued" && row.stage === "retrying" ? "retrying" : row.status;
}

export function toJobDetail(row: JobRow): JobDetail {
  return {
    id: row.id,
    kind: row.kind,
    status: jobViewStatus(row),
    stage: row.stage,
    progress: Number(row.progress),
    message: row.message,
    seq: Number(row.seq),
    attempt: row.attempts,
    maxAttempts: row.max_attempts,
    datasetId: row.dataset_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The job with this id as the browser sees it (under RLS: only the user's own), with its owner. */
export async function findJobDetail(sql: Sql, jobId: string): Promise<{ job: JobDetail; ownerId: string } | null> {
  const rows = await sql.query<JobRow>("select * from jobs where id = $1", [jobId]);
  return rows[0] ? { job: toJobDetail(rows[0]), ownerId: rows[0].owner_id } : null;
}
