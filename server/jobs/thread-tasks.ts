import "server-only";
import { IMPORT_UPLOAD_JOB } from "@/server/ingest/import-upload-job";
import { importUploadTask } from "@/server/ingest/import-upload-task";
import { SAMPLE_PREVIEW_TASK, samplePreviewTask } from "@/server/train/sample-preview-task";
import { checkUploadTask } from "@/server/uploads/check-upload-task";
import { CHECK_UPLOAD_JOB } from "@/server/uploads/job-kinds";
import type { Task } from "./task-types";

/** Every task a worker thread can run, by job kind. */
export const threadTasks: Record<string, Task> = {
  [CHECK_UPLOAD_JOB]: checkUploadTask,
  [IMPORT_UPLOAD_JOB]: importUploadTask,
  [SAMPLE_PREVIEW_TASK]: samplePreviewTask,
};
