import "server-only";
import type { Sql } from "@/server/db";
import type { UploadStatus, UploadView } from "@/lib/contracts/upload-view";
import { CHECK_UPLOAD_JOB } from "./job-kinds";

interface UploadRow {
  id: string;
  owner_id: string;
  filename: string;
  size_bytes: string | number;
  status: UploadStatus;
  message: string | null;
  sha256: string | null;
  line_count: string | number | null;
  encoding: string | null;
  delimiter: string | null;
  head_sha256: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  expires_at: Date | string;
  job: UploadView["job"] | string | null;
  job_gave_up: boolean | null;
}

// The job's status as the view names it: see jobViewStatus.
const SELECT_UPLOAD_VIEW = `
  select u.*, latest.job, latest.gave_up as job_gave_up
  from uploads u
  left join lateral (
    select json_build_object('id', j.id, 'kind', j.kind,
                             'status', case when j.status = 'queued' and j.stage = 'retrying' then 'retrying' else j.status end,
                             'stage', j.stage, 'progress', j.progress, 'message', j.message, 'seq', j.seq,
                             'attempt', j.attempts, 'maxAttempts', j.max_attempts, 'datasetId', j.dataset_id) as job, j.gave_up
    from jobs j where j.upload_id = u.id order by j.created_at desc limit 1
  ) latest on true`;

const iso = (value: Date | string) => new Date(value).toISOString();

/** A check that failed because its attempts ran out on crashes may pass when run again; a refused file never will. */
const checkCanBeRetried = (row: UploadRow, job: UploadView["job"]) =>
  row.status === "failed" && job?.kind === CHECK_UPLOAD_JOB && job.status === "failed" && row.job_gave_up === true;

function toView(row: UploadRow): UploadView {
  const job = typeof row.job === "string" ? (JSON.parse(row.job) as UploadView["job"]) : row.job;
  return {
    id: row.id,
    filename: row.filename,
    sizeBytes: Number(row.size_bytes),
    status: row.status,
    message: row.message,
    sha256: row.sha256,
    lineCount: row.line_count === null ? null : Number(row.line_count),
    encoding: row.encoding,
    delimiter: row.delimiter,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    expiresAt: iso(row.expires_at),
    job: job ? { ...job, seq: Number(job.seq), progress: Number(job.progress) } : null,
    canRetry: checkCanBeRetried(row, job),
  };
}

export async function insertUpload(
  sql: Sql,
  upload: { id: string; ownerId: string; filename: string; sizeBytes: number; expiresAt: Date },
): Promise<void> {
  await sql.query(
    "insert into uploads (id, owner_id, filename, size_bytes, expires_at) values ($1, $2, $3, $4, $5)",
    [upload.id, upload.ownerId, upload.filename, upload.sizeBytes, upload.expiresAt.toISOString()],
  );
}

/** The upload as the browser sees it, with its owner (for the owner's channel). */
export async function findOwnedUploadView(sql: Sql, id: string): Promise<{ view: UploadView; ownerId: string } | null> {
  const rows = await sql.query<UploadRow>(`${SELECT_UPLOAD_VIEW} where u.id = $1`, [id]);
  return rows[0] ? { view: toView(rows[0]), ownerId: rows[0].owner_id } : null;
}

export async function findUploadView(sql: Sql, id: string): Promise<UploadView | null> {
  return (await findOwnedUploadView(sql, id))?.view ?? null;
}

export async function findUploadOwner(sql: Sql, id: string): Promise<string | null> {
  const rows = await sql.query<{ owner_id: string }>("select owner_id from uploads where id = $1", [id]);
  return rows[0]?.owner_id ?? null;
}

/** The uploads visible in this transaction (RLS limits them to the user's own), newest first. */
export async function listUploadViews(sql: Sql, limit = 200): Promise<UploadView[]> {
  const rows = await sql.query<UploadRow>(`${SELECT_UPLOAD_VIEW} order by u.created_at desc limit $1`, [limit]);
  return rows.map(toView);
}

export async function setUploadStatus(sql: Sql, id: string, status: UploadStatus, message: string | null = null): Promise<void> {
  await sql.query("update uploads set status = $2, message = $3, updated_at = now() where id = $1", [id, status, message]);
}

export async function recordUploadCheck(
  sql: Sql,
  id: string,
  check: { sha256: string; headSha256: string; lineCount: number; encoding: string; delimiter: string | null; sizeBytes: number },
): Promise<void> {
  await sql.query(
    `update uploads set status = 'ready', message = null, sha256 = $2, head_sha256 = $7, line_count = $3, encoding = $4,
       delimiter = $5, size_bytes = $6, updated_at = now() where id = $1`,
    [id, check.sha256, check.lineCount, check.encoding, check.delimiter, check.sizeBytes, check.headSha256],
  );
}

/**
 * A checked (or being checked) upload of the user's with this name, size and checksum of its
 * first bytes: the same file added again. Newest first; ready before processing.
 */
export async function findCompleteUploadLike(sql: Sql, file: { filename: string; sizeBytes: number; headSha256: string }): Promise<UploadView | null> {
  const rows = await sql.query<UploadRow>(
    `${SELECT_UPLOAD_VIEW} where u.filename = $3 and u.size_bytes = $1 and u.head_sha256 = $2 and u.status in ('processing', 'ready')
     order by u.status = 'ready' desc, u.created_at desc limit 1`,
    [file.sizeBytes, file.headSha256, file.filename.trim()],
  );
  return rows[0] ? toView(rows[0]) : null;
}

/** Moves an upload whose bytes are all stored on to its check; false when it is not `uploading` (done already). */
export async function markUploadComplete(sql: Sql, id: string): Promise<{ ownerId: string; sizeBytes: number } | null> {
  const rows = await sql.query<{ owner_id: string; size_bytes: string | number }>(
    "update uploads set status = 'processing', message = null, updated_at = now() where id = $1 and status = 'uploading' returning owner_id, size_bytes",
    [id],
  );
  return rows[0] ? { ownerId: rows[0].owner_id, sizeBytes: Number(rows[0].size_bytes) } : null;
}

/** Uploads still receiving bytes, for the start-up check of which of them have all their bytes already. */
export async function listUploadingIds(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ id: string }>("select id::text from uploads where status = 'uploading'");
  return rows.map((row) => row.id);
}

/** Whether a queued, retrying or running job works on this upload (its check, an import). */
export async function uploadInUse(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.query("select 1 from jobs where upload_id = $1 and status in ('queued', 'running') limit 1", [id]);
  return rows.length > 0;
}

/** Incomplete uploads past their expiry: marked expired, their ids returned for file removal. */
export async function expireStaleUploads(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    "update uploads set status = 'expired', message = 'The upload was not completed within its time limit.', updated_at = now() where status = 'uploading' and expires_at < now() returning id",
  );
  return rows.map((row) => row.id);
}

/** Of the given ids, those with no row, or whose row no longer needs its file. */
export async function idsWithoutLiveUpload(sql: Sql, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<{ id: string }>(
    "select id::text from uploads where id = any($1::uuid[]) and status in ('uploading', 'processing', 'ready', 'failed')",
    [ids],
  );
  const live = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !live.has(id));
}

export async function deleteUpload(sql: Sql, id: string): Promise<void> {
  await sql.query("delete from uploads where id = $1", [id]);
}
