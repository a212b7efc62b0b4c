import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { rename } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { Upload } from "@tus/utils";
import { expect, it } from "vitest";
import { UPLOAD_HEAD_CHECKSUM_BYTES } from "@/lib/contracts/upload-actions";
import { LOCAL_USER, type SessionUser } from "@/server/auth/session-user";
import { enqueueJob } from "@/server/jobs/job-queue";
import { completeStrandedUploads } from "@/server/uploads/complete-upload";
import { findOwnUploadLike, removeOwnUpload, retryOwnUpload } from "@/server/uploads/own-upload-actions";
import { findUploadView, insertUpload, setUploadStatus } from "@/server/uploads/upload-records";
import { uploadStore } from "@/server/uploads/upload-store";
import type { InProcessApp } from "./in-process-app";
import { eventually } from "./jobs";

const STRANGER: SessionUser = { id: "bbbbbbbb-3333-4bbb-8bbb-bbbbbbbbbbbb", email: null };

/** CSV bytes of a given size, different per `seed`. */
function csvBytes(size: number, seed: number): Buffer {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const line = `2024-01-01T00:${String(i % 60).padStart(2, "0")}:00Z,${(seed * 1000 + i) / 10}\n`;
    lines.push(line);
    length += line.length;
  }
  return Buffer.from(lines.join("")).subarray(0, size);
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Upload rows and their stored bytes as the tus server leaves them (the same FileStore writes
 * the bytes), and what the server does with them: completion of stranded uploads, Remove,
 * Retry and recognition of a file added again, checked by a real job runner's worker thread.
 * `app` must run the check-upload handler.
 */
export function describeUploadActions(app: InProcessApp): void {
  const owner = LOCAL_USER;
  const filePath = (id: string) => path.join(app.dataDir, "files", "uploads", id);

  /** A row and a stored file holding the first `stored` bytes of `bytes` (all by default), still `uploading`. */
  async function storedUpload(bytes: Buffer, stored = bytes.length, ownerId = owner.id): Promise<string> {
    const id = randomUUID();
    const store = uploadStore();
    await store.check();
    await app.db.asUser(ownerId, (sql) => insertUpload(sql, { id, ownerId, filename: `${id.slice(0, 6)}.csv`, sizeBytes: bytes.length, expiresAt: new Date(Date.now() + 3600_000) }));
    await store.datastore.create(new Upload({ id, size: bytes.length, offset: 0, metadata: { filename: `${id.slice(0, 6)}.csv` } }));
    await store.datastore.write(Readable.from([bytes.subarray(0, stored)]), id, 0);
    return id;
  }

  const viewOf = (id: string, user = owner) => app.db.asUser(user.id, (sql) => findUploadView(sql, id));
  const statusOf = async (id: string) => (await viewOf(id))?.status;
  const checkJobs = (id: string) => app.db.asService((sql) => sql.query<{ id: string }>("select id from jobs where upload_id = $1 and kind = 'check-upload'", [id]));

  it("completes an upload whose bytes all arrived but that was left uploading, once, and its check records the head checksum", async () => {
    const bytes = csvBytes(UPLOAD_HEAD_CHECKSUM_BYTES + 300_000, 1);
    const complete = await storedUpload(bytes);
    const partial = await storedUpload(csvBytes(50_000, 2), 20_000);

    expect(await completeStrandedUploads(app.db, uploadStore())).toContain(complete);
    expect(await completeStrandedUploads(app.db, uploadStore())).not.toContain(complete);
    expect(await checkJobs(complete)).toHaveLength(1);
    const ready = await eventually(async () => ((await statusOf(complete)) === "ready" ? viewOf(complete) : null), "the completed upload was not checked");
    expect(ready!.sha256).toBe(sha256(bytes));
    const [{ head_sha256 }] = await app.db.asService((sql) => sql.query<{ head_sha256: string }>("select head_sha256 from uploads where id = $1", [complete]));
    expect(head_sha256).toBe(sha256(bytes.subarray(0, UPLOAD_HEAD_CHECKSUM_BYTES)));
    // An upload still missing bytes waits for them.
    expect(await statusOf(partial)).toBe("uploading");
    expect(await checkJobs(partial)).toHaveLength(0);
  });

  it("recognises a file added again by its name, size and head checksum, among the user's own uploads only", async () => {
    const bytes = csvBytes(120_000, 3);
    const id = await storedUpload(bytes);
    await completeStrandedUploads(app.db, uploadStore(), [id]);
    await eventually(async () => (await statusOf(id)) === "ready", "the upload was not checked");
    // Smaller than the head: the head checksum is the whole file's.
    const filename = (await viewOf(id))!.filename;
    const fingerprint = { filename, sizeBytes: bytes.length, headSha256: sha256(bytes) };
    expect(await findOwnUploadLike(owner, fingerprint)).toMatchObject({ ok: true, upload: { id, status: "ready" } });
    expect(await findOwnUploadLike(STRANGER, fingerprint)).toEqual({ ok: true, upload: null });
    expect(await findOwnUploadLike(owner, { ...fingerprint, sizeBytes: bytes.length + 1 })).toEqual({ ok: true, upload: null });
    // The same bytes under another name are another file to the user.
    expect(await findOwnUploadLike(owner, { ...fingerprint, filename: `copy of ${filename}` })).toEqual({ ok: true, upload: null });
    expect(await findOwnUploadLike(owner, { ...fingerprint, headSha256: sha256(csvBytes(120_000, 4)) })).toEqual({ ok: true, upload: null });
  });

  it("removes an upload with its stored bytes; refuses while a job works on it; another user's id is not found", async () => {
    const id = await storedUpload(csvBytes(30_000, 5));
    await app.db.asUser(owner.id, (sql) => setUploadStatus(sql, id, "failed", "Only CSV and TXT files can be uploaded."));
    // An import this runner does not take stays queued: the file is in use.
    const job = await app.db.asUser(owner.id, (sql) => enqueueJob(sql, { ownerId: owner.id, kind: "import-upload", uploadId: id, payload: { uploadId: id } }));

    expect(await removeOwnUpload(STRANGER, id)).toEqual({ ok: false, error: "Upload not found." });
    expect(await removeOwnUpload(owner, id)).toEqual({ ok: false, error: expect.stringMatching(/^A job is working on this file/) });
    expect(await statusOf(id)).toBe("failed");

    await app.db.asService((sql) => sql.query("update jobs set status = 'cancelled' where id = $1", [job.id]));
    expect(await removeOwnUpload(STRANGER, id)).toEqual({ ok: false, error: "Upload not found." });
    expect(existsSync(filePath(id))).toBe(true);
    expect(await removeOwnUpload(owner, id)).toEqual({ ok: true });
    expect(await viewOf(id)).toBeNull();
    expect(existsSync(filePath(id))).toBe(false);
    expect(existsSync(`${filePath(id)}.json`)).toBe(false);
    expect(await app.db.asService((sql) => sql.query("select 1 from jobs where upload_id = $1", [id]))).toHaveLength(0);
  });

  it("retries a check that crashed on every attempt once its file can be read; a refused file offers only Remove", { timeout: 120_000 }, async () => {
    const bytes = csvBytes(40_000, 6);
    const id = await storedUpload(bytes);
    // The check's thread cannot read the bytes: every attempt crashes, with backoff, until none is left.
    await rename(filePath(id), `${filePath(id)}.away`);
    await app.db.asUser(owner.id, async (sql) => {
      await setUploadStatus(sql, id, "processing");
      await enqueueJob(sql, { ownerId: owner.id, kind: "check-upload", uploadId: id, payload: { uploadId: id, sizeBytes: bytes.length } });
    });
    app.runner.notify();
    const failed = await eventually(async () => ((await statusOf(id)) === "failed" ? viewOf(id) : null), "the check did not fail for good", { timeoutMs: 90_000 });
    expect(failed!.job).toMatchObject({ status: "failed", attempt: 3, maxAttempts: 3 });
    expect(failed!.canRetry).toBe(true);

    expect(await retryOwnUpload(STRANGER, id)).toEqual({ ok: false, error: "Upload not found." });
    expect(await retryOwnUpload(owner, id)).toEqual({ ok: false, error: "The stored file is gone: remove it and upload the file again." });
    await rename(`${filePath(id)}.away`, filePath(id));
    expect(await retryOwnUpload(owner, id)).toEqual({ ok: true });
    const ready = await eventually(async () => ((await statusOf(id)) === "ready" ? viewOf(id) : null), "the retried check did not pass");
    expect(ready!.sha256).toBe(sha256(bytes));
    expect(await checkJobs(id)).toHaveLength(2);

    const refused = await storedUpload(csvBytes(1_000, 7));
    await app.db.asUser(owner.id, (sql) => setUploadStatus(sql, refused, "failed", "Only CSV and TXT files can be uploaded: not a text file."));
    expect((await viewOf(refused))!.canRetry).toBe(false);
    expect(await retryOwnUpload(owner, refused)).toEqual({ ok: false, error: expect.stringMatching(/^Trying again cannot help/) });
  });
}
