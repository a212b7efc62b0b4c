import { UPLOAD_HEAD_CHECKSUM_BYTES } from "@/lib/contracts/upload-actions";

/**
 * The SHA-256 (hex) of a file's first UPLOAD_HEAD_CHECKSUM_BYTES, hashed by the browser's Web
 * Crypto; null where Web Crypto is not offered (a page served over plain HTTP to another host).
 */
export async function fileHeadSha256(file: Blob): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest("SHA-256", await file.slice(0, UPLOAD_HEAD_CHECKSUM_BYTES).arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
