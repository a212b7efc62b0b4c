import { rawPointsQuerySchema, type RawPoints, type RawPointsQuery } from "@/lib/contracts/raw-points";
import { datasetIdOf, findOwnDataset } from "@/server/datasets/dataset-access";
import { RAW_POINTS_TASK, type FrameTaskPayload } from "@/server/datasets/frame-tasks";
import { jsonError, withUser } from "@/server/http/route-handler";
import { runInteractive } from "@/server/jobs/interactive-pool";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Raw rows for the recipe preview: ?from=<ms>&to=<ms>&limit=<at most 20000>; more rows than the limit → no rows, zoom in. */
export const GET = withUser(async (request, user) => {
  const query = rawPointsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const dataset = await findOwnDataset(user, datasetIdOf(request));
  if (!dataset) return jsonError(404, "Dataset not found.");
  const payload: FrameTaskPayload<RawPointsQuery> = { blobKey: dataset.blobKey, query };
  const points = await runInteractive<RawPoints>(RAW_POINTS_TASK, payload, request.signal);
  return Response.json(points, { headers: { "Cache-Control": "private, no-store" } });
});
