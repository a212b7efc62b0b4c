import type { ZoneChoice } from "@/lib/contracts/zone-choice";
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
/** Lines the sample should hold at least; very wide files read a longer head for them. */
const MIN_SAMPLE_LINES = 20;
const MAX_HEAD_BYTES = 8 * 1024 * 1024;
/** Encoding, date order and the zone from the whole file's DST changes may each restart once. */
const MAX_RESTARTS = 3;

/** Length of the sample: the first HEAD_BYTES, or up to the end of line MIN_SAMPLE_LINES when that lies further. */
function sampleLength(head: Uint8Array): number {
  let lines = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0x0a) continue;
    if (++lines === MIN_SAMPLE_LINES) return Math.max(Math.min(HEAD_BYTES, head.length), i + 1);
  }
  return head.length;
}

function concatenate(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

async function importOnce(chunks: AsyncIterable<Uint8Array>, settings: ImportChunksOptions, zone: ZoneChoice | undefined): Promise<ImportResult> {
  const pending: Uint8Array[] = [];
  let headLength = 0;
  const iterator = chunks[Symbol.asyncIterator]();
  let done = false;
  let head: Uint8Array = new Uint8Array();
  while (!done && headLength < MAX_HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    pending.push(next.value);
    headLength += next.value.length;
    if (headLength < HEAD_BYTES) continue;
    head = concatenate(pending, headLength);
    if (sampleLength(head) < head.length) break;
  }
  if (head.length !== headLength) head = concatenate(pending, headLength);
  const length = sampleLength(head);
  const complete = done && length === head.length;
  const { encoding, sample } = decodeHead(head.subarray(0, length), settings.options?.encoding);
  const layout = detectLayout(sample, { encoding, complete, options: settings.options, limits: settings.limits, zone });
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
 * settles the day/month order, DST changes of another zone than the head suggested). Pure
 * apart from reading the chunks, so it runs in workers.
 */
export async function importChunks(open: () => AsyncIterable<Uint8Array>, settings: ImportChunksOptions = {}): Promise<ImportResult> {
  let options: ImportOptions = { ...settings.options };
  let zone: ZoneChoice | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      return await importOnce(open(), { ...settings, options }, zone);
    } catch (error) {
      if (!(error instanceof RestartImport) || attempt >= MAX_RESTARTS) throw error;
      options = { ...options, ...error.change };
      zone = error.zone ?? zone;
    }
  }
}
