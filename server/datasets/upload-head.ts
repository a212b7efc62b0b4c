import "server-only";
import { HEAD_BYTES } from "@/lib/ingest/import-chunks";
import type { UploadView } from "@/lib/contracts/upload-view";
import type { SessionUser } from "@/server/auth/session-user";
import { database } from "@/server/db";
import { findUploadView } from "@/server/uploads/upload-records";
import { isUploadId, uploadStore } from "@/server/uploads/upload-store";

/** The first bytes of one of the user's ready uploads, for the import wizard's detection and preview. */
export async function readUploadHead(user: SessionUser, uploadId: string): Promise<{ upload: UploadView; head: Uint8Array; complete: boolean } | null> {
  if (!isUploadId(uploadId)) return null;
  const db = await database();
  const upload = await db.asUser(user.id, (sql) => findUploadView(sql, uploadId));
  if (!upload || upload.status !== "ready") return null;
  const stream = await uploadStore().read(uploadId);
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parts.push(chunk);
    length += chunk.length;
    if (length > HEAD_BYTES) break;
  }
  stream.destroy();
  const joined = Buffer.concat(parts);
  const complete = joined.length <= HEAD_BYTES;
  return { upload, head: new Uint8Array(joined.subarray(0, HEAD_BYTES)), complete };
}
