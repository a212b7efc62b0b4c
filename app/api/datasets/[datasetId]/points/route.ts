import { rawPointsQuerySchema } from "@/lib/contracts/raw-points";
import { rawPointsOf } from "@/lib/series/raw-points";
import { datasetIdOf, openOwnDataset } from "@/server/datasets/dataset-access";
import { jsonError, withUser } from "@/server/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Raw rows for the recipe preview: ?from=<ms>&to=<ms>&limit=<at most 20000>; more rows than the limit → no rows, zoom in. */
export const GET = withUser(async (request, user) => {
  const query = rawPointsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const opened = await openOwnDataset(user, datasetIdOf(request));
  if (!opened) return jsonError(404, "Dataset not found.");
  return Response.json(rawPointsOf(opened.frame, query), { headers: { "Cache-Control": "private, no-store" } });
});
