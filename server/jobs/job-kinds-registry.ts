import "server-only";
import { checkUploadHandler } from "@/server/uploads/check-upload-handler";
import { CHECK_UPLOAD_JOB } from "@/server/uploads/job-kinds";
import type { JobHandler } from "./job-handlers";

/** The main-thread handler of every job kind, by kind. */
export const jobHandlers: Record<string, JobHandler> = {
  [CHECK_UPLOAD_JOB]: checkUploadHandler,
};
