import "server-only";
import { DERIVE_DATASET_JOB } from "@/server/datasets/derive-dataset-job";
import { IMPORT_UPLOAD_JOB } from "@/server/ingest/import-upload-job";
import { TRAIN_MODELS_JOB } from "@/server/train/train-models-job";
import { CHECK_UPLOAD_JOB } from "@/server/uploads/job-kinds";

/**
 * How often a job of a kind is tried after crashes (a thread that died, a worker whose lease
 * ran out), and how long it waits before the next attempt: `backoffMs`, doubled per attempt.
 * Failures the task can name (bad input, settings that cannot work) are final at once.
 */
export interface RetryPolicy {
  maxAttempts: number;
  backoffMs: number;
}

const DEFAULT_POLICY: RetryPolicy = { maxAttempts: 3, backoffMs: 2_000 };

const POLICIES: Record<string, RetryPolicy> = {
  [CHECK_UPLOAD_JOB]: { maxAttempts: 3, backoffMs: 2_000 },
  [IMPORT_UPLOAD_JOB]: { maxAttempts: 3, backoffMs: 2_000 },
  [DERIVE_DATASET_JOB]: { maxAttempts: 3, backoffMs: 2_000 },
  // Training resumes from its checkpoints, so a retry repeats little: worth a fourth try.
  [TRAIN_MODELS_JOB]: { maxAttempts: 4, backoffMs: 5_000 },
};

export function retryPolicy(kind: string): RetryPolicy {
  return POLICIES[kind] ?? DEFAULT_POLICY;
}
