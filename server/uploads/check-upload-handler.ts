import "server-only";
import type { JobHandler } from "@/server/jobs/job-handlers";
import type { UploadCheck } from "./check-upload-task";
import { publishUpload } from "./publish-upload";
import { recordUploadCheck, setUploadStatus } from "./upload-records";

const uploadIdOf = (payload: Record<string, unknown>) => String(payload.uploadId);

/** The upload's status follows its check job: processing while it runs, then ready or failed. */
export const checkUploadHandler: JobHandler = {
  async onStart(sql, job) {
    await setUploadStatus(sql, uploadIdOf(job.payload), "processing");
  },
  async onSuccess(sql, job, result) {
    await recordUploadCheck(sql, uploadIdOf(job.payload), result as UploadCheck);
  },
  async onFinalFailure(sql, job, message) {
    await setUploadStatus(sql, uploadIdOf(job.payload), "failed", message);
  },
  announce: (job) => publishUpload(uploadIdOf(job.payload)),
};
