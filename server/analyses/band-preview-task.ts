import "server-only";
import { bandChart } from "@/lib/analysis/band-chart";
import { regressionBand } from "@/lib/analysis/regression-band";
import { SpecError } from "@/lib/process/spec-errors";
import { loadDatasetFrame } from "@/server/datasets/dataset-frames";
import type { Task } from "@/server/jobs/task-types";
import { bandPreviewPayloadSchema } from "./band-preview-job";

const sentence = (message: string) => {
  const text = `${message[0]?.toUpperCase() ?? ""}${message.slice(1)}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
};

/**
 * Fits the band over every matched point of the two datasets in this worker thread and
 * returns the bounded chart payload (exact counts, thinned points, curve and band on a grid).
 * A spec the data cannot satisfy (no common timestamps, too few distinct x) is a final
 * failure with the core's one-line message.
 */
export const bandPreviewTask: Task = async (payload, report) => {
  const job = bandPreviewPayloadSchema.parse(payload);
  report({ stage: "loading", progress: 0.1 });
  const xFrame = await loadDatasetFrame(job.xBlobKey);
  // The same dataset is the same frame, so y defaults to its first column other than x.
  const yFrame = job.yBlobKey === job.xBlobKey ? xFrame : await loadDatasetFrame(job.yBlobKey);
  report({ stage: "fitting", progress: 0.5 });
  try {
    return { ok: true, result: bandChart(regressionBand(xFrame, yFrame, job.spec)) };
  } catch (error) {
    if (error instanceof SpecError) return { ok: false, userMessage: sentence(error.message) };
    throw error;
  }
};
