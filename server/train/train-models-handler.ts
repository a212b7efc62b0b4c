import "server-only";
import type { Sql } from "@/server/db";
import type { JobHandler } from "@/server/jobs/job-handlers";
import type { JobRow } from "@/server/jobs/job-queue";
import { announceJob } from "@/server/jobs/publish-job";
import { blobStore, trainingRunBlobKeys } from "@/server/storage/blob-store";
import { trainModelsPayloadSchema, type TrainModelsResult } from "./train-models-job";
import { finishRun, insertTrainedModels, markRunRunning } from "./training-runs";

/** Ends the run as failed or cancelled and removes whatever model files its attempts wrote. */
async function endWithoutModels(sql: Sql, job: JobRow, status: "failed" | "cancelled", message?: string): Promise<void> {
  const parsed = trainModelsPayloadSchema.safeParse(job.payload);
  if (!parsed.success) return;
  await finishRun(sql, parsed.data.runId, { status, message });
  await Promise.all(trainingRunBlobKeys(parsed.data.runId, parsed.data.config.models.length).map((key) => blobStore().remove(key).catch(() => undefined)));
}

/**
 * The run's rows follow its job: running when a thread takes it; its trained models and
 * result appear in the transaction that completes the job, so a run has models exactly when
 * it succeeded. A final failure records the message; a cancel (recorded at once, and again
 * when the thread has stopped) keeps nothing; either way no model file stays behind.
 */
export const trainModelsHandler: JobHandler = {
  async onStart(sql, job) {
    await markRunRunning(sql, trainModelsPayloadSchema.parse(job.payload).runId);
  },
  async onSuccess(sql, job, result) {
    const payload = trainModelsPayloadSchema.parse(job.payload);
    const trained = result as TrainModelsResult;
    const run = { id: payload.runId, ownerId: job.owner_id, projectId: payload.projectId };
    if (!(await finishRun(sql, run.id, { status: "succeeded", result: trained.result }))) return;
    await insertTrainedModels(
      sql,
      run,
      trained.models.map((model) => ({ ...model, result: trained.result.models[model.position - 1] })),
    );
  },
  onFinalFailure: (sql, job, message) => endWithoutModels(sql, job, "failed", message),
  onCancelled: (sql, job) => endWithoutModels(sql, job, "cancelled"),
  announce: announceJob,
};
