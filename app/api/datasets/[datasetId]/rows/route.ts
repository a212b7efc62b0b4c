import { rowsQuerySchema } from "@/lib/contracts/dataset-view";
import { datasetIdOf, openOwnDataset } from "@/server/datasets/dataset-access";
import { rowsPage } from "@/server/datasets/dataset-rows";
import { jsonError, withUser } from "@/server/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A page of the dataset's rows: ?offset=0&limit=50 (limit at most 500). */
export const GET = withUser(async (request, user) => {
  const query = rowsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const opened = await openOwnDataset(user, datasetIdOf(request));
  if (!opened) return jsonError(404, "Dataset not found.");
  return Response.json(rowsPage(opened.frame, query.offset, query.limit), { headers: { "Cache-Control": "private, no-store" } });
});
