import "server-only";
import type { FindUploadResult, UploadActionResult, UploadFingerprint } from "@/lib/contracts/upload-actions";
import type { SessionUser } from "@/server/auth/session-user";
import { database } from "@/server/db";
import { announceQueuedChecks, queueUploadCheck } from "./complete-upload";
import { deleteUpload, findCompleteUploadLike, findUploadView, setUploadStatus, uploadInUse } from "./upload-records";
import { uploadStore } from "./upload-store";

const NOT_FOUND: UploadActionResult = { ok: false, error: "Upload not found." };

/**
 * Removes one of the user's uploads (under RLS: another user's is not found): its row, its
 * finished jobs and, once that committed, its stored bytes. Datasets imported from it stay.
 * Refused while a job works on the file.
 */
export async function removeOwnUpload(user: SessionUser, uploadId: string): Promise<UploadActionResult> {
  const db = await database();
  const outcome = await db.asUser(user.id, async (sql): Promise<UploadActionResult> => {
    const [row] = await sql.query<{ status: string }>("select status from uploads where id = $1 for update", [uploadId]);
    if (!row) return NOT_FOUND;
    if (await uploadInUse(sql, uploadId)) return { ok: false, error: "A job is working on this file: wait until it has finished, or cancel it, then remove the file." };
    await deleteUpload(sql, uploadId);
    return { ok: true };
  });
  // After the commit: a failure here leaves an orphan, which the cleanup removes.
  if (outcome.ok) await uploadStore().remove(uploadId);
  return outcome;
}

/**
 * Runs the check of one of the user's uploads again where that can succeed: a check that
 * failed after its attempts ran out on crashes. A file refused for what it is (too large,
 * not text) can only be removed.
 */
export async function retryOwnUpload(user: SessionUser, uploadId: string): Promise<UploadActionResult> {
  const db = await database();
  const outcome = await db.asUser(user.id, async (sql): Promise<UploadActionResult> => {
    await sql.query("select 1 from uploads where id = $1 for update", [uploadId]);
    const upload = await findUploadView(sql, uploadId);
    if (!upload) return NOT_FOUND;
    if (!upload.canRetry) return { ok: false, error: "Trying again cannot help this file: remove it, and upload it again if it should be here." };
    if (!(await uploadStore().isComplete(uploadId))) return { ok: false, error: "The stored file is gone: remove it and upload the file again." };
    // Back to `uploading` only for the length of this transaction: queueUploadCheck moves it on with its job.
    await setUploadStatus(sql, uploadId, "uploading");
    if (!(await queueUploadCheck(sql, uploadId))) return NOT_FOUND;
    return { ok: true };
  });
  if (outcome.ok) await announceQueuedChecks([uploadId]);
  return outcome;
}

/** The user's upload of the same file (size and head checksum), checked or being checked, if there is one. */
export async function findOwnUploadLike(user: SessionUser, fingerprint: UploadFingerprint): Promise<FindUploadResult> {
  const db = await database();
  return { ok: true, upload: await db.asUser(user.id, (sql) => findCompleteUploadLike(sql, fingerprint)) };
}
