import "server-only";
import type { SeriesQuery } from "@/lib/contracts/dataset-view";
import type { RawPointsQuery } from "@/lib/contracts/raw-points";
import { MAX_FORECAST_CHART_POINTS, type ForecastChartQuery } from "@/lib/contracts/training-run";
import type { Frame } from "@/lib/series/frame";
import { rawPointsOf } from "@/lib/series/raw-points";
import { buildFeatureLayout } from "@/lib/train/feature-layout";
import { forecastChart } from "@/lib/train/forecast-chart";
import type { TrainingConfig } from "@/lib/train/training-config";
import type { Task } from "@/server/jobs/task-types";
import { loadDatasetFrame } from "./dataset-frames";
import { seriesPoints, UnknownColumnError } from "./series-points";

/**
 * What requests ask of one stored frame (chart points, raw rows, forecast charts), answered
 * in a thread of the interactive pool, which reads the Arrow file once and keeps the frame.
 * Queries arrive validated by their routes; the blob key was read under the user's RLS.
 */
export const SERIES_POINTS_TASK = "series-points";
export const RAW_POINTS_TASK = "raw-points";
export const FORECAST_CHART_TASK = "forecast-chart";

export interface FrameTaskPayload<Query> extends Record<string, unknown> {
  blobKey: string;
  query: Query;
}
export type SeriesPointsPayload = FrameTaskPayload<SeriesQuery> & { stepMinutes: number | null };
export type ForecastChartPayload = FrameTaskPayload<ForecastChartQuery> & { runConfig: TrainingConfig };

function frameTask<Payload extends FrameTaskPayload<unknown>>(answer: (frame: Frame, payload: Payload) => unknown): Task {
  return async (payload) => {
    const input = payload as Payload;
    try {
      return { ok: true, result: answer(await loadDatasetFrame(input.blobKey), input) };
    } catch (error) {
      if (error instanceof UnknownColumnError) return { ok: false, userMessage: error.message };
      throw error;
    }
  };
}

export const frameTasks: Record<string, Task> = {
  [SERIES_POINTS_TASK]: frameTask<SeriesPointsPayload>((frame, { query, stepMinutes }) => seriesPoints(frame, query, stepMinutes)),
  [RAW_POINTS_TASK]: frameTask<FrameTaskPayload<RawPointsQuery>>((frame, { query }) => rawPointsOf(frame, query)),
  [FORECAST_CHART_TASK]: frameTask<ForecastChartPayload>((frame, { query, runConfig }) =>
    forecastChart(frame, buildFeatureLayout(runConfig).outputSeries, query, MAX_FORECAST_CHART_POINTS),
  ),
};
