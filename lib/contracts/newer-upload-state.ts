import type { UploadView } from "./upload-view";

/**
 * Of two states of one upload, the later one: live events and list reads can arrive out
 * of order. The row's update time decides; within one instant, the job's sequence number.
 */
export function newerOf(known: UploadView | undefined, incoming: UploadView): UploadView {
  if (!known) return incoming;
  if (incoming.updatedAt !== known.updatedAt) return incoming.updatedAt > known.updatedAt ? incoming : known;
  return (incoming.job?.seq ?? 0) >= (known.job?.seq ?? 0) ? incoming : known;
}
