import "server-only";
import { userSentence } from "@/lib/format/user-sentence";
import { analyseSeries, type SeriesAnalysis } from "@/lib/analysis/analyse-series";
import { importChunks } from "@/lib/ingest/import-chunks";
import type { ImportReport } from "@/lib/ingest/import-report";
import { IngestError } from "@/lib/ingest/ingest-error";
import type { Layout } from "@/lib/ingest/layout";
import { columnViews } from "@/lib/series/column-views";
import { frameToArrow } from "@/server/datasets/arrow-frame";
import type { Task } from "@/server/jobs/task-types";
import { throttledProgress } from "@/server/jobs/throttled-progress";
import { blobStore, datasetBlobKey } from "@/server/storage/blob-store";
import { uploadStore } from "@/server/uploads/upload-store";
import { importPayloadSchema } from "./import-upload-job";

export interface ImportUploadResult {
  datasetId: string;
  blobKey: string;
  sizeBytes: number;
  rowCount: number;
  columns: { name: string; unit?: string }[];
  layout: Layout;
  report: ImportReport;
  analysis: SeriesAnalysis;
}

/** The raw upload as byte chunks, opened again for each pass of the import. */
async function* rawChunks(uploadId: string): AsyncGenerator<Uint8Array> {
  const stream = await uploadStore().read(uploadId);
  for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
}

const rowsText = (rows: number) => `${rows.toLocaleString("en-US")} rows read`;

/**
 * Parses a whole upload in this worker thread: the raw bytes stream from the upload store
 * through the import core with the user's options into columns, which are written as one
 * Arrow IPC file under a server-generated key. A problem with the file is a final failure
 * with the core's one-line message; either way nothing of a failed import stays behind.
 */
export const importUploadTask: Task = async (payload, report) => {
  const job = importPayloadSchema.parse(payload);
  const key = datasetBlobKey(job.datasetId);
  const store = blobStore();
  const progress = throttledProgress(report);
  try {
    report({ stage: "parsing", progress: 0, message: rowsText(0) });
    const { frame, layout, report: importReport } = await importChunks(
      () => rawChunks(job.uploadId),
      {
        options: job.options,
        onProgress: ({ bytes, rows }) => progress({ stage: "parsing", progress: job.sizeBytes > 0 ? Math.min(0.95, (bytes / job.sizeBytes) * 0.95) : 0, message: rowsText(rows) }),
      },
    );
    report({ stage: "writing", progress: 0.96, message: rowsText(frame.time.length) });
    const analysis = analyseSeries(frame);
    const sizeBytes = await store.put(key, frameToArrow(frame));
    const result: ImportUploadResult = {
      datasetId: job.datasetId,
      blobKey: key,
      sizeBytes,
      rowCount: frame.time.length,
      columns: columnViews(frame),
      layout,
      report: importReport,
      analysis,
    };
    return { ok: true, result };
  } catch (error) {
    await store.remove(key).catch(() => undefined);
    if (error instanceof IngestError) return { ok: false, userMessage: userSentence(error.message) };
    if ((error as NodeJS.ErrnoException)?.code === "ENOENT") return { ok: false, userMessage: "The uploaded file is no longer stored: upload it again." };
    throw error;
  }
};
