import "server-only";
import type { JobHandler } from "@/server/jobs/job-handlers";
import type { JobRow } from "@/server/jobs/job-queue";
import { announceJob } from "@/server/jobs/publish-job";
import { blobStore, datasetBlobKey } from "@/server/storage/blob-store";
import { insertDataset } from "./dataset-records";
import { derivePayloadSchema } from "./derive-dataset-job";
import type { DeriveDatasetResult } from "./derive-dataset-task";

const removeFile = async (job: JobRow) => {
  const parsed = derivePayloadSchema.safeParse(job.payload);
  if (parsed.success) await blobStore().remove(datasetBlobKey(parsed.data.datasetId)).catch(() => undefined);
};

/**
 * The derived dataset's row appears in the transaction that completes the job, with its
 * lineage (parent = first source, the derivation, its report); a failed or cancelled job
 * leaves no file behind.
 */
export const deriveDatasetHandler: JobHandler = {
  async onSuccess(sql, job, result) {
    const payload = derivePayloadSchema.parse(job.payload);
    const derived = result as DeriveDatasetResult;
    await insertDataset(sql, {
      id: payload.datasetId,
      ownerId: job.owner_id,
      name: payload.name,
      blobKey: derived.blobKey,
      sizeBytes: derived.sizeBytes,
      rowCount: derived.rowCount,
      columns: derived.columns,
      analysis: derived.analysis,
      parentId: payload.sources[0].id,
      derivation: payload.derivation,
      derivationReport: derived.report,
    });
    await sql.query("update jobs set dataset_id = $2 where id = $1", [job.id, payload.datasetId]);
  },
  onFinalFailure: (_sql, job) => removeFile(job),
  onCancelled: (_sql, job) => removeFile(job),
  announce: announceJob,
};
