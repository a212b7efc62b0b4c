import "server-only";
import { randomUUID } from "node:crypto";
import { sourceIdsOf, type DeriveRequest, type StartDerivationResult } from "@/lib/contracts/dataset-derivation";
import type { SessionUser } from "@/server/auth/session-user";
import { config } from "@/server/config";
import { database } from "@/server/db";
import { enqueueJob } from "@/server/jobs/job-queue";
import { publishJob } from "@/server/jobs/publish-job";
import { notifyJobRunner } from "@/server/jobs/runner-instance";
import { findDatasetSources } from "./dataset-records";
import { DERIVE_DATASET_JOB, type DerivePayload } from "./derive-dataset-job";

/**
 * Queues the making of a new dataset from the user's datasets (and, for forecasts, one of
 * their trained models), all read under RLS: another user's id is simply not found.
 */
export async function startDerivation(user: SessionUser, request: DeriveRequest): Promise<StartDerivationResult> {
  if (config().storage.kind === "s3") return { ok: false, error: "Making datasets needs dataset storage, which this deployment (S3) does not offer yet." };
  const { derivation } = request;
  const ids = sourceIdsOf(derivation);
  const db = await database();
  const datasetId = randomUUID();
  const outcome = await db.asUser(user.id, async (sql): Promise<StartDerivationResult> => {
    const found = await findDatasetSources(sql, ids);
    const byId = new Map(found.map((source) => [source.id, source]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing) return { ok: false, error: `Dataset ${missing} not found.` };
    let modelBlobKey: string | undefined;
    if (derivation.kind === "forecast") {
      const models = await sql.query<{ model_blob_key: string }>("select model_blob_key from trained_models where id = $1", [derivation.modelId]);
      if (!models[0]) return { ok: false, error: "Model not found." };
      modelBlobKey = models[0].model_blob_key;
    }
    const payload: DerivePayload = { datasetId, name: request.name, derivation, sources: ids.map((id) => byId.get(id)!), ...(modelBlobKey ? { modelBlobKey } : {}) };
    const job = await enqueueJob(sql, { ownerId: user.id, kind: DERIVE_DATASET_JOB, payload });
    return { ok: true, datasetId, jobId: job.id };
  });
  if (outcome.ok) {
    notifyJobRunner();
    await publishJob(outcome.jobId);
  }
  return outcome;
}
