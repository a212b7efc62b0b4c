import "server-only";
import type { JobHandler } from "@/server/jobs/job-handlers";
import { publishJob } from "@/server/jobs/publish-job";

/** A preview writes nothing but its result (the job's own row): the browser reads it from the job. */
export const bandPreviewHandler: JobHandler = {
  async onSuccess() {},
  async onFinalFailure() {},
  announce: (job) => publishJob(job.id),
};
