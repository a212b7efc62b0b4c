import "server-only";
import type { SeriesQuery } from "@/lib/contracts/dataset-view";
import type { Task } from "@/server/jobs/task-types";
import { loadDatasetFrame } from "./dataset-frames";
import { seriesPoints, UnknownColumnError } from "./series-points";

export const SERIES_POINTS_TASK = "series-points";

export interface SeriesPointsPayload extends Record<string, unknown> {
  blobKey: string;
  /** Already validated by the route. */
  query: SeriesQuery;
  stepMinutes: number | null;
}

/** Chart points of a dataset, computed in a thread of the interactive pool (which keeps recently read frames). */
export const seriesPointsTask: Task = async (payload) => {
  const { blobKey, query, stepMinutes } = payload as SeriesPointsPayload;
  try {
    return { ok: true, result: seriesPoints(await loadDatasetFrame(blobKey), query, stepMinutes) };
  } catch (error) {
    if (error instanceof UnknownColumnError) return { ok: false, userMessage: error.message };
    throw error;
  }
};
