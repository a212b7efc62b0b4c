import { forecastChartQuerySchema, type ForecastChart } from "@/lib/contracts/training-run";
import { frameCsvDownload } from "@/server/datasets/dataset-download";
import { loadDatasetFrame } from "@/server/datasets/dataset-frames";
import { FORECAST_CHART_TASK, type ForecastChartPayload } from "@/server/datasets/frame-tasks";
import { jsonError, withUser } from "@/server/http/route-handler";
import { runInteractive } from "@/server/jobs/interactive-pool";
import { findOwnTrainedModel, trainedModelIdOf } from "@/server/train/training-access";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The model's test forecasts: ?format=csv downloads them all (forecast and measured value of
 * each output step per test sample); ?sample=i or ?step=k answers one chart's data.
 */
export const GET = withUser(async (request, user) => {
  const params = new URL(request.url).searchParams;
  const csv = params.get("format") === "csv";
  const query = csv ? null : forecastChartQuerySchema.parse(Object.fromEntries(params));
  const model = await findOwnTrainedModel(user, trainedModelIdOf(request));
  if (!model) return jsonError(404, "Model not found.");
  if (!query) return frameCsvDownload(await loadDatasetFrame(model.forecastsBlobKey), `test-forecasts-${model.position}-${model.result.kind}.csv`);
  const payload: ForecastChartPayload = { blobKey: model.forecastsBlobKey, query, runConfig: model.runConfig };
  const chart = await runInteractive<ForecastChart>(FORECAST_CHART_TASK, payload, request.signal);
  return Response.json(chart, { headers: { "Cache-Control": "private, no-store" } });
});
