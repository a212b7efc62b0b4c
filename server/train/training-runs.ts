import "server-only";
import type { ProjectRuns, TrainedModelView, TrainingRunStatus, TrainingRunSummary, TrainingRunView } from "@/lib/contracts/training-run";
import { trainingConfigSchema, type ModelResult, type TrainingConfig, type TrainingResult } from "@/lib/train/training-config";
import type { Sql } from "@/server/db";
import { cancelJob } from "@/server/jobs/job-queue";
import { trainingRunBlobKeys } from "@/server/storage/blob-store";

/** Training runs and their trained models in the database; callers choose the role (user under RLS, or the service). */

interface RunRow {
  id: string;
  project_id: string;
  job_id: string | null;
  status: TrainingRunStatus;
  message: string | null;
  config: TrainingConfig | string;
  samples: TrainingResult["samples"] | string | null;
  result: TrainingResult | string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
}

interface ModelRow {
  id: string;
  owner_id: string;
  run_id: string;
  project_id: string;
  position: number;
  kind: string;
  result: ModelResult | string;
  model_blob_key: string;
  forecasts_blob_key: string;
}

const json = <T,>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toRunSummary(row: RunRow): TrainingRunSummary {
  return {
    id: row.id,
    projectId: row.project_id,
    jobId: row.job_id,
    status: row.status,
    message: row.message,
    createdAt: iso(row.created_at)!,
    finishedAt: iso(row.finished_at),
    modelCount: json(row.config).models.length,
  };
}

function toRunView(row: RunRow, models: TrainedModelView[]): TrainingRunView {
  const result = row.result === null ? null : json(row.result);
  const inputColumns = [...new Set(json(row.config).inputs.map((series) => series.column))];
  return { ...toRunSummary(row), samples: result?.samples ?? null, features: result?.features ?? null, inputColumns, models };
}

const toModelView = (row: ModelRow): TrainedModelView => ({ id: row.id, position: row.position, result: json(row.result) });

export async function insertRun(sql: Sql, run: { id: string; ownerId: string; projectId: string; config: TrainingConfig }): Promise<void> {
  await sql.query("insert into training_runs (id, owner_id, project_id, status, config) values ($1, $2, $3, 'queued', $4::text::jsonb)", [
    run.id,
    run.ownerId,
    run.projectId,
    JSON.stringify(run.config),
  ]);
}

export async function setRunJob(sql: Sql, runId: string, jobId: string): Promise<void> {
  await sql.query("update training_runs set job_id = $2 where id = $1", [runId, jobId]);
}

export async function markRunRunning(sql: Sql, runId: string): Promise<void> {
  await sql.query("update training_runs set status = 'running' where id = $1 and status in ('queued', 'running')", [runId]);
}

/** Ends a run that has not ended yet: a late report of a run already cancelled changes nothing. Returns whether it ended it. */
export async function finishRun(sql: Sql, runId: string, end: { status: "succeeded" | "failed" | "cancelled"; message?: string; result?: TrainingResult }): Promise<boolean> {
  const rows = await sql.query(
    `update training_runs set status = $2, message = $3, samples = $4::text::jsonb, result = $5::text::jsonb, finished_at = now()
     where id = $1 and status in ('queued', 'running') returning id`,
    [runId, end.status, end.message ?? null, end.result ? JSON.stringify(end.result.samples) : null, end.result ? JSON.stringify(end.result) : null],
  );
  return rows.length > 0;
}

export interface NewTrainedModel {
  position: number;
  result: ModelResult;
  modelBlobKey: string;
  forecastsBlobKey: string;
}

export async function insertTrainedModels(sql: Sql, run: { id: string; ownerId: string; projectId: string }, models: NewTrainedModel[]): Promise<void> {
  for (const model of models) {
    await sql.query(
      `insert into trained_models (owner_id, run_id, project_id, position, kind, result, model_blob_key, forecasts_blob_key)
       values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8)`,
      [run.ownerId, run.id, run.projectId, model.position, model.result.kind, JSON.stringify(model.result), model.modelBlobKey, model.forecastsBlobKey],
    );
  }
}

export interface RunRecord {
  view: TrainingRunView;
  projectName: string;
  config: TrainingConfig;
}

async function modelsOf(sql: Sql, runId: string): Promise<TrainedModelView[]> {
  const rows = await sql.query<ModelRow>("select * from trained_models where run_id = $1 order by position", [runId]);
  return rows.map(toModelView);
}

export async function findRun(sql: Sql, runId: string): Promise<RunRecord | null> {
  const [row] = await sql.query<RunRow & { project_name: string }>(
    "select r.*, p.name as project_name from training_runs r join training_projects p on p.id = r.project_id where r.id = $1",
    [runId],
  );
  if (!row) return null;
  return { view: toRunView(row, await modelsOf(sql, runId)), projectName: row.project_name, config: trainingConfigSchema.parse(json(row.config)) };
}

/** A project's runs, newest first, and the newest with its models. */
export async function listProjectRuns(sql: Sql, projectId: string): Promise<ProjectRuns> {
  const rows = await sql.query<RunRow>("select * from training_runs where project_id = $1 order by created_at desc, id", [projectId]);
  const latest = rows[0] ? toRunView(rows[0], await modelsOf(sql, rows[0].id)) : null;
  return { runs: rows.map(toRunSummary), latest };
}

export interface TrainedModelRecord {
  id: string;
  runId: string;
  projectId: string;
  position: number;
  modelBlobKey: string;
  forecastsBlobKey: string;
  result: ModelResult;
  runConfig: TrainingConfig;
}

export async function findTrainedModel(sql: Sql, modelId: string): Promise<TrainedModelRecord | null> {
  const [row] = await sql.query<ModelRow & { run_config: TrainingConfig | string }>(
    "select m.*, r.config as run_config from trained_models m join training_runs r on r.id = m.run_id where m.id = $1",
    [modelId],
  );
  if (!row) return null;
  return {
    id: row.id,
    runId: row.run_id,
    projectId: row.project_id,
    position: row.position,
    modelBlobKey: row.model_blob_key,
    forecastsBlobKey: row.forecasts_blob_key,
    result: json(row.result),
    runConfig: trainingConfigSchema.parse(json(row.run_config)),
  };
}

/**
 * Before a project is deleted: cancels the jobs of its runs still under way (their threads
 * stop at their next progress write) and returns those jobs and every file its runs may have
 * written, for removal once the delete has committed.
 */
export async function releaseProjectRuns(sql: Sql, projectId: string): Promise<{ jobIds: string[]; files: string[] }> {
  const rows = await sql.query<{ id: string; job_id: string | null; status: TrainingRunStatus; models: number }>(
    "select id, job_id, status, jsonb_array_length(config -> 'models') as models from training_runs where project_id = $1",
    [projectId],
  );
  const jobIds: string[] = [];
  for (const row of rows) {
    if (row.job_id && (row.status === "queued" || row.status === "running") && (await cancelJob(sql, row.job_id))) jobIds.push(row.job_id);
  }
  return { jobIds, files: rows.flatMap((row) => trainingRunBlobKeys(row.id, Number(row.models))) };
}
