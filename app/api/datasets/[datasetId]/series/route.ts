import { seriesQuerySchema, type SeriesResponse } from "@/lib/contracts/dataset-view";
import { datasetIdOf, findOwnDataset } from "@/server/datasets/dataset-access";
import { SERIES_POINTS_TASK, type SeriesPointsPayload } from "@/server/datasets/frame-tasks";
import { jsonError, withUser } from "@/server/http/route-handler";
import { InteractiveTaskError, runInteractive } from "@/server/jobs/interactive-pool";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Chart points: ?columns=a,b&from=<ms>&to=<ms>&points=<about one per pixel, at most 5000>. */
export const GET = withUser(async (request, user) => {
  const query = seriesQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const dataset = await findOwnDataset(user, datasetIdOf(request));
  if (!dataset) return jsonError(404, "Dataset not found.");
  const payload: SeriesPointsPayload = { blobKey: dataset.blobKey, query, stepMinutes: dataset.stepMinutes };
  try {
    const points = await runInteractive<SeriesResponse>(SERIES_POINTS_TASK, payload, request.signal);
    return Response.json(points, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof InteractiveTaskError) return jsonError(400, error.message);
    throw error;
  }
});
