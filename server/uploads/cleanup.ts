import "server-only";
import type { Database } from "@/server/db";
import type { UploadStore } from "./upload-store";
import { expireStaleUploads, idsWithoutLiveUpload } from "./upload-records";

/** Files younger than this may belong to an upload whose row is being written right now. */
const ORPHAN_GRACE_MS = 60 * 60_000;

export interface CleanupReport {
  expiredUploads: number;
  removedFiles: number;
}

/**
 * Removes what nobody needs any more: incomplete uploads past their expiry (row marked
 * expired, bytes deleted) and stored files that no live upload row refers to.
 */
export async function cleanUpUploads(db: Database, store: UploadStore, options: { graceMs?: number } = {}): Promise<CleanupReport> {
  const expired = await db.asService((sql) => expireStaleUploads(sql));
  for (const id of expired) await store.remove(id);
  const candidates = await store.listOlderThan(options.graceMs ?? ORPHAN_GRACE_MS);
  const orphans = await db.asService((sql) => idsWithoutLiveUpload(sql, candidates));
  for (const id of orphans) await store.remove(id);
  return { expiredUploads: expired.length, removedFiles: expired.length + orphans.length };
}
