import "server-only";
import { BAND_PREVIEW_TASK, bandPreviewTask } from "@/server/analyses/band-preview-task";
import { DERIVE_DATASET_JOB } from "@/server/datasets/derive-dataset-job";
import { deriveDatasetTask } from "@/server/datasets/derive-dataset-task";
import { frameTasks } from "@/server/datasets/frame-tasks";
import { IMPORT_UPLOAD_JOB } from "@/server/ingest/import-upload-job";
import { importUploadTask } from "@/server/ingest/import-upload-task";
import { SAMPLE_PREVIEW_TASK, samplePreviewTask } from "@/server/train/sample-preview-task";
import { TRAIN_MODELS_JOB } from "@/server/train/train-models-job";
import { trainModelsTask } from "@/server/train/train-models-task";
import { checkUploadTask } from "@/server/uploads/check-upload-task";
import { CHECK_UPLOAD_JOB } from "@/server/uploads/job-kinds";
import type { Task } from "./task-types";

/** Every task a worker thread can run: the job kinds, and the interactive tasks a request waits for. */
export const threadTasks: Record<string, Task> = {
  [CHECK_UPLOAD_JOB]: checkUploadTask,
  [IMPORT_UPLOAD_JOB]: importUploadTask,
  [BAND_PREVIEW_TASK]: bandPreviewTask,
  [DERIVE_DATASET_JOB]: deriveDatasetTask,
  ...frameTasks,
  [SAMPLE_PREVIEW_TASK]: samplePreviewTask,
  [TRAIN_MODELS_JOB]: trainModelsTask,
};
