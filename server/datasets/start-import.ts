import "server-only";
import { randomUUID } from "node:crypto";
import type { StartImportResult } from "@/lib/contracts/dataset-import";
import type { ImportOptions } from "@/lib/ingest/import-options";
import type { SessionUser } from "@/server/auth/session-user";
import { config } from "@/server/config";
import { database } from "@/server/db";
import { enqueueJob } from "@/server/jobs/job-queue";
import { notifyJobRunner } from "@/server/jobs/runner-instance";
import { IMPORT_UPLOAD_JOB, type ImportPayload } from "@/server/ingest/import-upload-job";
import { publishUpload } from "@/server/uploads/publish-upload";
import { findUploadView } from "@/server/uploads/upload-records";

/**
 * Queues the import of one of the user's ready uploads (read under RLS: another user's
 * upload does not exist here). One import of an upload runs at a time.
 */
export async function startImportJob(user: SessionUser, uploadId: string, options: ImportOptions): Promise<StartImportResult> {
  if (config().storage.kind === "s3") return { ok: false, error: "Importing needs dataset storage, which this deployment (S3) does not offer yet." };
  const db = await database();
  const datasetId = randomUUID();
  const outcome = await db.asUser(user.id, async (sql): Promise<StartImportResult> => {
    const upload = await findUploadView(sql, uploadId);
    if (!upload) return { ok: false, error: "Upload not found." };
    if (upload.status !== "ready") return { ok: false, error: "This upload is not ready to import yet." };
    if (upload.job?.kind === IMPORT_UPLOAD_JOB && (upload.job.status === "queued" || upload.job.status === "running")) {
      return { ok: false, error: "This file is being imported already." };
    }
    const payload: ImportPayload = { uploadId, datasetId, name: upload.filename, sizeBytes: upload.sizeBytes, options };
    const job = await enqueueJob(sql, { ownerId: user.id, kind: IMPORT_UPLOAD_JOB, uploadId, payload });
    // The list orders states of an upload by its update time first: the new job's state is newer.
    await sql.query("update uploads set updated_at = now() where id = $1", [uploadId]);
    return { ok: true, datasetId, jobId: job.id };
  });
  if (outcome.ok) {
    notifyJobRunner();
    await publishUpload(uploadId);
  }
  return outcome;
}
