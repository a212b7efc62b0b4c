import { forecastChartQuerySchema, MAX_FORECAST_CHART_POINTS } from "@/lib/contracts/training-run";
import { buildFeatureLayout } from "@/lib/train/feature-layout";
import { forecastChart } from "@/lib/train/forecast-chart";
import { frameCsvDownload } from "@/server/datasets/dataset-download";
import { loadDatasetFrame } from "@/server/datasets/dataset-frames";
import { jsonError, withUser } from "@/server/http/route-handler";
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
  const frame = await loadDatasetFrame(model.forecastsBlobKey);
  if (!query) return frameCsvDownload(frame, `test-forecasts-${model.position}-${model.result.kind}.csv`);
  const { outputSeries } = buildFeatureLayout(model.runConfig);
  return Response.json(forecastChart(frame, outputSeries, query, MAX_FORECAST_CHART_POINTS), { headers: { "Cache-Control": "private, no-store" } });
});
