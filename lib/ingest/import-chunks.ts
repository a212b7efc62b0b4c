import type { Frame } from "@/lib/series/frame";
import { detectLayout } from "./detect-layout";
import type { ImportReport } from "./import-report";
import type { ImportOptions } from "./import-options";
import type { IngestLimits } from "./ingest-limits";
import type { Layout } from "./layout";
import { decodeHead } from "./read-head";
import { RestartImport } from "./restart-import";
import { StreamingImporter, type ImportProgress } from "./streaming-importer";

export interface ImportChunksOptions {
  options?: ImportOptions;
  limits?: Partial<IngestLimits>;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResult {
  frame: Frame;
  layout: Layout;
  report: ImportReport;
}

/** Bytes of the head used for detection. */
export const HEAD_BYTES = 64 * 1024;
const MAX_RESTARTS = 2;

async function importOnce(chunks: AsyncIterable<Uint8Array>, settings: ImportChunksOptions): Promise<ImportResult> {
  const pending: Uint8Array[] = [];
  let headLength = 0;
  const iterator = chunks[Symbol.asyncIterator]();
  let done = false;
  while (headLength < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    pending.push(next.value);
    headLength += next.value.length;
  }
  const joined = new Uint8Array(headLength);
  let offset = 0;
  for (const chunk of pending) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  const complete = done && headLength <= HEAD_BYTES;
  const { encoding, sample } = decodeHead(complete ? joined : joined.subarray(0, HEAD_BYTES), settings.options?.encoding);
  const layout = detectLayout(sample, { encoding, complete, options: settings.options, limits: settings.limits });
  const importer = new StreamingImporter(layout, { limits: settings.limits, onProgress: settings.onProgress });
  for (const chunk of pending) importer.push(chunk);
  while (!done) {
    const next = await iterator.next();
    if (next.done) break;
    importer.push(next.value);
  }
  return { ...importer.finish(), layout };
}

/**
 * Imports a file given as a re-openable stream of byte chunks: detects the layout on the
 * head (options override any choice), parses the whole stream, and starts over from the
 * first byte when the stream contradicts the head (invalid UTF-8 further down, a date that
 * settles the day/month order). Pure apart from reading the chunks, so it runs in workers.
 */
export async function importChunks(open: () => AsyncIterable<Uint8Array>, settings: ImportChunksOptions = {}): Promise<ImportResult> {
  let options: ImportOptions = { ...settings.options };
  for (let attempt = 0; ; attempt++) {
    try {
      return await importOnce(open(), { ...settings, options });
    } catch (error) {
      if (!(error instanceof RestartImport) || attempt >= MAX_RESTARTS) throw error;
      options = { ...options, ...error.change };
    }
  }
}
