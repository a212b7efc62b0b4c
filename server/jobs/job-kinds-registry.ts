import "server-only";
import { deriveDatasetHandler } from "@/server/datasets/derive-dataset-handler";
import { DERIVE_DATASET_JOB } from "@/server/datasets/derive-dataset-job";
import { importUploadHandler } from "@/server/ingest/import-upload-handler";
import { IMPORT_UPLOAD_JOB } from "@/server/ingest/import-upload-job";
import { trainModelsHandler } from "@/server/train/train-models-handler";
import { TRAIN_MODELS_JOB } from "@/server/train/train-models-job";
import { checkUploadHandler } from "@/server/uploads/check-upload-handler";
import { CHECK_UPLOAD_JOB } from "@/server/uploads/job-kinds";
import type { JobHandler } from "./job-handlers";

/** The main-thread handler of every job kind, by kind. */
export const jobHandlers: Record<string, JobHandler> = {
  [CHECK_UPLOAD_JOB]: checkUploadHandler,
  [IMPORT_UPLOAD_JOB]: importUploadHandler,
  [DERIVE_DATASET_JOB]: deriveDatasetHandler,
  [TRAIN_MODELS_JOB]: trainModelsHandler,
};
