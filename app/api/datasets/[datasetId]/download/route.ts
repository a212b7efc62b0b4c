import { downloadQuerySchema } from "@/lib/contracts/dataset-view";
import { datasetIdOf, findOwnDataset } from "@/server/datasets/dataset-access";
import { datasetDownload } from "@/server/datasets/dataset-download";
import { loadDatasetFrame } from "@/server/datasets/dataset-frames";
import { jsonError, withUser } from "@/server/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** ?format=csv|excel-de|arrow, and for excel-de the zone of the local times (?tz=Europe/Berlin, default UTC). */
export const GET = withUser(async (request, user) => {
  const query = downloadQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const dataset = await findOwnDataset(user, datasetIdOf(request));
  if (!dataset) return jsonError(404, "Dataset not found.");
  return datasetDownload(dataset, () => loadDatasetFrame(dataset.blobKey), query.format, query.tz ?? "UTC");
});
