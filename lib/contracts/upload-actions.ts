import { z } from "zod";
import type { UploadView } from "./upload-view";

/**
 * How a file added again is recognised: its size and the SHA-256 of its first
 * UPLOAD_HEAD_CHECKSUM_BYTES (the whole file when smaller), which the browser hashes with
 * Web Crypto without reading a large file whole and the check job records on the server.
 */
export const UPLOAD_HEAD_CHECKSUM_BYTES = 4 * 1024 * 1024;

export const uploadFingerprintSchema = z.object({
  sizeBytes: z.number().int().nonnegative(),
  headSha256: z.string().regex(/^[0-9a-f]{64}$/, { message: "not a SHA-256 in hex" }),
});
export type UploadFingerprint = z.infer<typeof uploadFingerprintSchema>;

export type UploadActionResult = { ok: true } | { ok: false; error: string };

export type FindUploadResult = { ok: true; upload: UploadView | null } | { ok: false; error: string };
