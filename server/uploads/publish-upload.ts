import "server-only";
import { UPLOAD_EVENT, uploadChannel, userChannel } from "@/lib/contracts/channels";
import type { UploadEvent } from "@/lib/contracts/upload-view";
import { database } from "@/server/db";
import { publisher } from "@/server/progress/publisher";
import { findOwnedUploadView } from "./upload-records";

/**
 * Sends the upload as it now is to its own channel and its owner's channel. Best effort:
 * clients re-read the rows whenever they (re)connect, so a lost event costs nothing.
 */
export async function publishUpload(uploadId: string): Promise<void> {
  const db = await database();
  // One read per event: this runs on every progress update of a running job.
  const found = await db.asService((sql) => findOwnedUploadView(sql, uploadId));
  if (!found) return;
  const event: UploadEvent = { upload: found.view };
  await Promise.all([
    publisher().publish(uploadChannel(uploadId), UPLOAD_EVENT, event),
    publisher().publish(userChannel(found.ownerId), UPLOAD_EVENT, event),
  ]).catch((error: unknown) => {
    console.warn(`progress event for upload ${uploadId} not delivered: ${error instanceof Error ? error.message : error}`);
  });
}
