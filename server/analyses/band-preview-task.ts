import "server-only";
import { userSentence } from "@/lib/format/user-sentence";
import { bandChart } from "@/lib/analysis/band-chart";
import { regressionBand } from "@/lib/analysis/regression-band";
import type { RegressionSpec } from "@/lib/analysis/regression-spec";
import { SpecError } from "@/lib/process/spec-errors";
import { loadDatasetFrame } from "@/server/datasets/dataset-frames";
import type { Task } from "@/server/jobs/task-types";

export const BAND_PREVIEW_TASK = "regression-band-preview";

export interface BandPreviewPayload extends Record<string, unknown> {
  /** Resolved under the user's RLS by the caller. */
  xBlobKey: string;
  yBlobKey: string;
  /** Already validated by the action. */
  spec: RegressionSpec;
}

/**
 * Fits the band over every matched point of the two datasets, in a thread of the interactive
 * pool (which keeps recently read frames), and returns the bounded chart payload: exact
 * counts, thinned points, curve and band on a grid. A spec the data cannot satisfy (no
 * common timestamps, too few distinct x) is a user-facing failure with the core's message.
 */
export const bandPreviewTask: Task = async (payload) => {
  const { xBlobKey, yBlobKey, spec } = payload as BandPreviewPayload;
  const xFrame = await loadDatasetFrame(xBlobKey);
  // The same dataset is the same frame, so y defaults to its first column other than x.
  const yFrame = yBlobKey === xBlobKey ? xFrame : await loadDatasetFrame(yBlobKey);
  try {
    return { ok: true, result: bandChart(regressionBand(xFrame, yFrame, spec)) };
  } catch (error) {
    if (error instanceof SpecError) return { ok: false, userMessage: userSentence(error.message) };
    throw error;
  }
};
