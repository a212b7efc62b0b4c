import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { importChunks, type ImportResult } from "@/lib/ingest/import-chunks";
import { formatSize } from "@/lib/ingest/format-size";
import { importOptionsSchema, type ImportOptions } from "@/lib/ingest/import-options";
import { IngestError } from "@/lib/ingest/ingest-error";
import { resolveIngestLimits, type IngestLimits } from "@/lib/ingest/ingest-limits";

export interface IngestFileProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
}

export type IngestFileOptions = Partial<ImportOptions> & {
  onProgress?: (progress: IngestFileProgress) => void;
  limits?: Partial<IngestLimits>;
};

const CHUNK_BYTES = 1024 * 1024;

/**
 * Imports a CSV/TXT file from disk: validates the options, checks the size limit before
 * reading, streams the file in 1 MB chunks through detection and the columnar parser.
 * Bad input throws IngestError with a one-line message.
 */
export async function ingestFile(path: string, options: IngestFileOptions = {}): Promise<ImportResult> {
  const { onProgress, limits: limitOverrides, ...choices } = options;
  const parsed = importOptionsSchema.safeParse(choices);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IngestError(`invalid import option ${issue.path.join(".") || ""}: ${issue.message}`);
  }
  const limits = resolveIngestLimits(limitOverrides);
  let totalBytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IngestError(`${path} is not a file`);
    totalBytes = info.size;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  if (totalBytes === 0) throw new IngestError("the file is empty");
  if (totalBytes > limits.maxBytes) {
    throw new IngestError(`the file is ${formatSize(totalBytes)}; the limit is ${formatSize(limits.maxBytes)}`);
  }
  return importChunks(() => createReadStream(path, { highWaterMark: CHUNK_BYTES }), {
    options: parsed.data,
    limits,
    onProgress: onProgress && ((progress) => onProgress({ ...progress, totalBytes })),
  });
}
