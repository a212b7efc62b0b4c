import { seriesQuerySchema } from "@/lib/contracts/dataset-view";
import { datasetIdOf, openOwnDataset } from "@/server/datasets/dataset-access";
import { seriesPoints, UnknownColumnError } from "@/server/datasets/series-points";
import { jsonError, withUser } from "@/server/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Chart points: ?columns=a,b&from=<ms>&to=<ms>&points=<about one per pixel, at most 5000>. */
export const GET = withUser(async (request, user) => {
  const query = seriesQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const opened = await openOwnDataset(user, datasetIdOf(request));
  if (!opened) return jsonError(404, "Dataset not found.");
  try {
    return Response.json(seriesPoints(opened.frame, query, opened.dataset.stepMinutes), { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof UnknownColumnError) return jsonError(400, error.message);
    throw error;
  }
});
