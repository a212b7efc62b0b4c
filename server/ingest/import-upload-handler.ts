import "server-only";
import { insertDataset } from "@/server/datasets/dataset-records";
import type { JobHandler } from "@/server/jobs/job-handlers";
import { blobStore, datasetBlobKey } from "@/server/storage/blob-store";
import { publishUpload } from "@/server/uploads/publish-upload";
import { importPayloadSchema } from "./import-upload-job";
import type { ImportUploadResult } from "./import-upload-task";

/**
 * The dataset row appears in the transaction that completes the job, so a dataset exists
 * exactly when its import succeeded; a final failure removes whatever file an attempt left.
 */
export const importUploadHandler: JobHandler = {
  async onSuccess(sql, job, result) {
    const payload = importPayloadSchema.parse(job.payload);
    const imported = result as ImportUploadResult;
    await insertDataset(sql, {
      id: payload.datasetId,
      ownerId: job.owner_id,
      uploadId: payload.uploadId,
      name: payload.name,
      blobKey: imported.blobKey,
      sizeBytes: imported.sizeBytes,
      rowCount: imported.rowCount,
      columns: imported.columns,
      importOptions: payload.options,
      layout: imported.layout,
      report: imported.report,
      analysis: imported.analysis,
    });
    await sql.query("update jobs set dataset_id = $2 where id = $1", [job.id, payload.datasetId]);
  },
  async onFinalFailure(_sql, job) {
    const parsed = importPayloadSchema.safeParse(job.payload);
    if (parsed.success) await blobStore().remove(datasetBlobKey(parsed.data.datasetId)).catch(() => undefined);
  },
  announce: (job) => publishUpload(String(job.payload.uploadId)),
};
