import "server-only";
import type { Frame } from "@/lib/series/frame";
import { blobStore } from "@/server/storage/blob-store";
import { arrowToFrame } from "./arrow-frame";

/** Frames of recently read datasets: datasets are immutable, so a cached frame is never stale. */
const CACHE_BYTES = 256 * 1024 * 1024;
const CACHE = Symbol.for("chronoframe.dataset-frames");
type Entry = { frame: Promise<Frame>; bytes: number };
type Holder = typeof globalThis & { [CACHE]?: Map<string, Entry> };

const frameBytes = (frame: Frame) => frame.time.byteLength + frame.columns.reduce((sum, column) => sum + column.values.byteLength, 0);

export function loadDatasetFrame(blobKey: string): Promise<Frame> {
  const holder = globalThis as Holder;
  const cache = (holder[CACHE] ??= new Map());
  const hit = cache.get(blobKey);
  if (hit) {
    // Most recently used last.
    cache.delete(blobKey);
    cache.set(blobKey, hit);
    return hit.frame;
  }
  const entry: Entry = { frame: blobStore().get(blobKey).then(arrowToFrame), bytes: 0 };
  cache.set(blobKey, entry);
  entry.frame.then(
    (frame) => {
      entry.bytes = frameBytes(frame);
      let total = 0;
      for (const cached of cache.values()) total += cached.bytes;
      for (const [key, cached] of cache) {
        if (total <= CACHE_BYTES || cached === entry) break;
        cache.delete(key);
        total -= cached.bytes;
      }
    },
    () => cache.delete(blobKey),
  );
  return entry.frame;
}
