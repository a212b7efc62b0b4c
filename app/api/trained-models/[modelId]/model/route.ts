import { bytesDownload } from "@/server/datasets/dataset-download";
import { jsonError, withUser } from "@/server/http/route-handler";
import { blobStore } from "@/server/storage/blob-store";
import { findOwnTrainedModel, trainedModelIdOf } from "@/server/train/training-access";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The trained model as one JSON document (config, scalers, learned state): what `npm run cli -- predict --model` reads. */
export const GET = withUser(async (request, user) => {
  const model = await findOwnTrainedModel(user, trainedModelIdOf(request));
  if (!model) return jsonError(404, "Model not found.");
  return bytesDownload(await blobStore().get(model.modelBlobKey), "application/json", `model-${model.position}-${model.result.kind}.json`);
});
