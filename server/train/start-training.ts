import "server-only";
import { randomUUID } from "node:crypto";
import { datasetIdSchema } from "@/lib/contracts/dataset-view";
import type { StartTrainingResult } from "@/lib/contracts/training-run";
import { ModelConfigurationError } from "@/lib/train/models/model";
import { checkModelConfigs } from "@/lib/train/models/train-model";
import { describeConfigError, trainingConfigSchema } from "@/lib/train/training-config";
import type { SessionUser } from "@/server/auth/session-user";
import { config } from "@/server/config";
import { database, type Sql } from "@/server/db";
import { enqueueJob } from "@/server/jobs/job-queue";
import { notifyJobRunner } from "@/server/jobs/runner-instance";
import { TRAIN_MODELS_JOB, type TrainModelsPayload } from "./train-models-job";
import { insertRun, setRunJob } from "./training-runs";

type Refusal = { ok: false; error: string };

/** The datasets a config names, each the user's (read under RLS), or the first field naming one that is not. */
async function resolveDatasets(sql: Sql, training: TrainModelsPayload["config"]): Promise<{ ok: true; datasets: TrainModelsPayload["datasets"] } | Refusal> {
  const entries = [...training.inputs.map((series, i) => ({ series, where: `inputs.${i}` })), ...training.outputs.map((series, i) => ({ series, where: `outputs.${i}` }))];
  const ids = [...new Set(entries.flatMap(({ series }) => (series.datasetId !== undefined && datasetIdSchema.safeParse(series.datasetId).success ? [series.datasetId] : [])))];
  const rows = await sql.query<{ id: string; name: string; blob_key: string | null }>("select id, name, blob_key from datasets where id = any($1::uuid[])", [ids]);
  const datasets: TrainModelsPayload["datasets"] = {};
  for (const row of rows) if (row.blob_key) datasets[row.id] = { blobKey: row.blob_key, name: row.name };
  for (const { series, where } of entries) {
    if (series.datasetId === undefined) return { ok: false, error: `Complete the settings first: ${where}: choose one of your datasets.` };
    if (!datasets[series.datasetId]) return { ok: false, error: `Complete the settings first: ${where}.datasetId: the dataset no longer exists; choose another one.` };
  }
  return { ok: true, datasets };
}

/**
 * Starts a training run of one of the user's projects: its saved settings must be a valid
 * training config over the user's own datasets; the run keeps a snapshot of them, so later
 * edits of the project do not change what the run trained. One run of a project at a time.
 */
export async function startTrainingJob(user: SessionUser, projectId: string): Promise<StartTrainingResult> {
  if (config().storage.kind === "s3") return { ok: false, error: "Training needs storage for its models, which this deployment (S3) does not offer yet." };
  const db = await database();
  const runId = randomUUID();
  const outcome = await db.asUser(user.id, async (sql): Promise<StartTrainingResult> => {
    // Locked: two starts of one project (two tabs) take turns, so "one run at a time" holds.
    const [project] = await sql.query<{ config: unknown }>("select config from training_projects where id = $1 for update", [projectId]);
    if (!project) return { ok: false, error: "Project not found." };
    const parsed = trainingConfigSchema.safeParse(typeof project.config === "string" ? JSON.parse(project.config) : project.config);
    if (!parsed.success) return { ok: false, error: `Complete the settings first: ${describeConfigError(parsed.error)}` };
    const training = parsed.data;
    try {
      checkModelConfigs(training);
    } catch (error) {
      if (error instanceof ModelConfigurationError) return { ok: false, error: `Complete the settings first: ${error.message}` };
      throw error;
    }
    const resolved = await resolveDatasets(sql, training);
    if (!resolved.ok) return resolved;
    const running = await sql.query("select 1 from training_runs where project_id = $1 and status in ('queued', 'running')", [projectId]);
    if (running.length > 0) return { ok: false, error: "A training run of this project is under way already." };
    await insertRun(sql, { id: runId, ownerId: user.id, projectId, config: training });
    const payload: TrainModelsPayload = { runId, projectId, config: training, datasets: resolved.datasets };
    const job = await enqueueJob(sql, { ownerId: user.id, kind: TRAIN_MODELS_JOB, payload });
    await setRunJob(sql, runId, job.id);
    return { ok: true, runId, jobId: job.id };
  });
  if (outcome.ok) notifyJobRunner();
  return outcome;
}
