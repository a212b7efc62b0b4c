import "server-only";
import type { Database, Sql } from "@/server/db";
import { enqueueJob } from "@/server/jobs/job-queue";
import { notifyJobRunner } from "@/server/jobs/runner-instance";
import { CHECK_UPLOAD_JOB } from "./job-kinds";
import { publishUpload } from "./publish-upload";
import { listUploadingIds, markUploadComplete } from "./upload-records";
import type { UploadStore } from "./upload-store";

/**
 * An upload whose bytes are all stored goes on to its check: the row's move to `processing`
 * and the check job are written in the caller's one transaction, so a crash leaves either
 * both or neither. Only an `uploading` row moves, so completing twice queues one check.
 */
export async function queueUploadCheck(sql: Sql, uploadId: string): Promise<boolean> {
  const completed = await markUploadComplete(sql, uploadId);
  if (!completed) return false;
  await enqueueJob(sql, { ownerId: completed.ownerId, kind: CHECK_UPLOAD_JOB, uploadId, payload: { uploadId, sizeBytes: completed.sizeBytes } });
  return true;
}

/** After the transaction that queued checks committed: the runner and the page hear of them. */
export async function announceQueuedChecks(uploadIds: string[]): Promise<void> {
  if (uploadIds.length === 0) return;
  notifyJobRunner();
  await Promise.all(uploadIds.map((id) => publishUpload(id)));
}

/**
 * Uploads left `uploading` although every byte is stored: the process stopped between the
 * last write and the completion hook, or the hook failed. Each is completed now (at start-up,
 * in the periodic cleanup, and when a client asks for its offset). Returns their ids.
 */
export async function completeStrandedUploads(db: Database, store: UploadStore, ids?: string[]): Promise<string[]> {
  const candidates = ids ?? (await db.asService((sql) => listUploadingIds(sql)));
  const completed: string[] = [];
  for (const id of candidates) {
    if (!(await store.isComplete(id))) continue;
    if (await db.asService((sql) => queueUploadCheck(sql, id))) completed.push(id);
  }
  await announceQueuedChecks(completed);
  return completed;
}
