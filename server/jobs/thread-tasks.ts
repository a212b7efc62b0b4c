import "server-only";
import { checkUploadTask } from "@/server/uploads/check-upload-task";
import { CHECK_UPLOAD_JOB } from "@/server/uploads/job-kinds";
import type { Task } from "./task-types";

/** Every task a worker thread can run, by job kind. */
export const threadTasks: Record<string, Task> = {
  [CHECK_UPLOAD_JOB]: checkUploadTask,
};
