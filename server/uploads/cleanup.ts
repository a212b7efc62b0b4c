import "server-only";
import type { Database } from "@/server/db";
import { completeStrandedUploads } from "./complete-upload";
import type { UploadStore } from "./upload-store";
import { expireStaleUploads, idsWithoutLiveUpload } from "./upload-records";

/** Files younger than this may belong to an upload whose row is being written right now. */
const ORPHAN_GRACE_MS = 60 * 60_000;

export interface CleanupReport {
  completedUploads: number;
  expiredUploads: number;
  removedFiles: number;
}

/**
 * Completes uploads whose bytes all arrived but whose completion was lost (see
 * completeStrandedUploads), then removes what nobody needs any more: incomplete uploads past
 * their expiry (row marked expired, bytes deleted) and stored files no live upload row refers to.
 */
export async function cleanUpUploads(db: Database, store: UploadStore, options: { graceMs?: number } = {}): Promise<CleanupReport> {
  const completed = await completeStrandedUploads(db, store);
  const expired = await db.asService((sql) => expireStaleUploads(sql));
  for (const id of expired) await store.remove(id);
  const candidates = await store.listOlderThan(options.graceMs ?? ORPHAN_GRACE_MS);
  const orphans = await db.asService((sql) => idsWithoutLiveUpload(sql, candidates));
  for (const id of orphans) await store.remove(id);
  return { completedUploads: completed.length, expiredUploads: expired.length, removedFiles: expired.length + orphans.length };
}
