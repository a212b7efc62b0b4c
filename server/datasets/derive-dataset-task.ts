import "server-only";
import { userSentence } from "@/lib/format/user-sentence";
import { analyseSeries, type SeriesAnalysis } from "@/lib/analysis/analyse-series";
import { SpecError } from "@/lib/process/spec-errors";
import { columnViews } from "@/lib/series/column-views";
import { modelDocumentSchema } from "@/lib/train/model-document";
import type { Task } from "@/server/jobs/task-types";
import { throttledProgress } from "@/server/jobs/throttled-progress";
import { blobStore, datasetBlobKey } from "@/server/storage/blob-store";
import { TrainingSeriesError } from "@/server/train/load-training-series";
import { arrowToFrame, frameToArrow } from "./arrow-frame";
import { deriveFrame, type DerivationReport, type DerivationSource } from "./derivation-frames";
import { derivePayloadSchema } from "./derive-dataset-job";

export interface DeriveDatasetResult {
  blobKey: string;
  sizeBytes: number;
  rowCount: number;
  columns: { name: string; unit?: string }[];
  analysis: SeriesAnalysis;
  report: DerivationReport;
}

/**
 * Makes a dataset from others in this worker thread: reads the sources' Arrow files, computes
 * the new frame with the pure core and writes it as the new dataset's Arrow file. A problem
 * with the user's choices is a final failure with its one-line message; nothing stays behind.
 */
export const deriveDatasetTask: Task = async (payload, report) => {
  const job = derivePayloadSchema.parse(payload);
  const store = blobStore();
  const key = datasetBlobKey(job.datasetId);
  const progress = throttledProgress(report);
  try {
    report({ stage: "reading", progress: 0 });
    const sources = new Map<string, DerivationSource>();
    for (const [index, source] of job.sources.entries()) {
      sources.set(source.id, { id: source.id, name: source.name, frame: arrowToFrame(await store.get(source.blobKey)) });
      progress({ stage: "reading", progress: (0.2 * (index + 1)) / job.sources.length });
    }
    const model = job.modelBlobKey ? modelDocumentSchema.parse(JSON.parse(new TextDecoder().decode(await store.get(job.modelBlobKey)))) : undefined;
    report({ stage: "computing", progress: 0.2 });
    const { frame, report: derivationReport } = await deriveFrame(job.derivation, {
      sources,
      model,
      onProgress: (share) => progress({ stage: "computing", progress: 0.2 + 0.7 * share }),
    });
    report({ stage: "writing", progress: 0.9, message: `${frame.time.length.toLocaleString("en-US")} rows` });
    const analysis = analyseSeries(frame);
    const sizeBytes = await store.put(key, frameToArrow(frame));
    const result: DeriveDatasetResult = {
      blobKey: key,
      sizeBytes,
      rowCount: frame.time.length,
      columns: columnViews(frame),
      analysis,
      report: derivationReport,
    };
    return { ok: true, result };
  } catch (error) {
    await store.remove(key).catch(() => undefined);
    if (error instanceof SpecError || error instanceof TrainingSeriesError) return { ok: false, userMessage: userSentence(error.message) };
    if ((error as NodeJS.ErrnoException)?.code === "ENOENT") return { ok: false, userMessage: "A source of this dataset is no longer stored." };
    throw error;
  }
};
