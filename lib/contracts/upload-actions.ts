import { z } from "zod";
import type { UploadView } from "./upload-view";

/**
 * How a file added again is recognised: its size and the SHA-256 of its first
 * UPLOAD_HEAD_CHECKSUM_BYTES (the whole file when smaller), which the browser hashes with
 * Web Crypto without reading a large file whole and the check job records on the server.
 */
export const UPLOAD_HEAD_CHECKSUM_BYTES = 4 * 1024 * 1024;

/**
 * What makes a file added again the same file: its name as the browser gives it, its size and
 * the checksum of its first bytes. The name is part of it, so that a copy saved under another
 * name (the same logger's export kept twice on purpose) is uploaded as the user asked.
 */
export const uploadFingerprintSchema = z.object({
  filename: z.string().trim().min(1).max(255),
  sizeBytes: z.number().int().nonnegative(),
  headSha256: z.string().regex(/^[0-9a-f]{64}$/, { message: "not a SHA-256 in hex" }),
});
export type UploadFingerprint = z.infer<typeof uploadFingerprintSchema>;

export type UploadActionResult = { ok: true } | { ok: false; error: string };

export type FindUploadResult = { ok: true; upload: UploadView | null } | { ok: false; error: string };
