import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forecastChartSchema, projectRunsSchema } from "@/lib/contracts/training-run";
import { modelDocumentSchema } from "@/lib/train/model-document";
import { trainingResultSchema, type TrainingConfigInput } from "@/lib/train/training-config";
import { LOCAL_USER, type SessionUser } from "@/server/auth/session-user";
import { arrowToFrame } from "@/server/datasets/arrow-frame";
import { ingestFile } from "@/server/ingest/ingest-file";
import { cancelOwnJob } from "@/server/jobs/cancel-job";
import type { JobRow } from "@/server/jobs/job-queue";
import { blobStore, datasetBlobKey } from "@/server/storage/blob-store";
import { deleteOwnProject } from "@/server/train/projects";
import { startTrainingJob } from "@/server/train/start-training";
import { findOwnRun, findOwnTrainedModel, listOwnProjectRuns } from "@/server/train/training-access";
import { trainModelsHandler } from "@/server/train/train-models-handler";
import { TRAIN_MODELS_JOB } from "@/server/train/train-models-job";
import { startAppServer, type AppServer } from "../support/app-server";
import { inProcessApp } from "../support/in-process-app";
import { eventually, finishedJob } from "../support/jobs";
import { seedDataset } from "../support/seed-datasets";
import { samplePath } from "../support/fixtures";

const SAMPLE = samplePath("building-logger-de.csv");
const TSX = path.resolve("node_modules/.bin/tsx");
const STRANGER: SessionUser = { id: "bbbbbbbb-2222-4bbb-8bbb-bbbbbbbbbbbb", email: null };
const run = promisify(execFile);

/**
 * The training job as the app runs it: the embedded database and blob store of a data
 * folder, a real job runner with a worker thread, the runs started by the same server code
 * the "Train" button calls. Progress arrives through the handler's announcements.
 */
describe("training runs: job, progress, cancel, persistence, RLS", () => {
  const announced: JobRow[] = [];
  const app = inProcessApp("training", {
    [TRAIN_MODELS_JOB]: {
      ...trainModelsHandler,
      announce: async (job) => {
        announced.push(job);
      },
    },
  });
  let datasetId: string;
  let server: AppServer | undefined;

  const config = (overrides: Partial<TrainingConfigInput> = {}): TrainingConfigInput => ({
    version: 1,
    inputs: [
      { datasetId, column: "Außentemperatur", startHours: -2, endHours: 0 },
      { datasetId, column: "Wärmeleistung", startHours: -2, endHours: 0 },
    ],
    outputs: [{ datasetId, column: "Wärmeleistung", startHours: 0.25, endHours: 1 }],
    steps: { inputSteps: 9, outputSteps: 4, stepMinutes: 15 },
    timeFeatures: { day: true, holidays: { country: "DE" }, local: true, timezone: "Europe/Berlin" },
    // The net trains long enough for the runner (which writes the latest progress every 250 ms) to record its epochs.
    models: [{ kind: "naive" }, { kind: "linear" }, { kind: "dense", layers: 1, units: 8, epochs: 30, patience: 30, batchSize: 16 }],
    ...overrides,
  });

  async function project(content: unknown, owner = LOCAL_USER.id): Promise<string> {
    const id = randomUUID();
    await app.db.asService((sql) =>
      sql.query("insert into training_projects (id, owner_id, name, config) values ($1, $2, $3, $4::text::jsonb)", [id, owner, `project ${id.slice(0, 4)}`, JSON.stringify(content)]),
    );
    return id;
  }

  const settled = (jobId: string) => finishedJob(app.db, jobId, 90_000);
  const runFiles = async (runId: string) => readdir(path.join(app.dataDir, "files", "training-runs", runId)).catch(() => [] as string[]);

  beforeAll(async () => {
    const { frame } = await ingestFile(SAMPLE, { timezone: "Europe/Berlin" });
    datasetId = await seedDataset(app.db, blobStore(), { ownerId: LOCAL_USER.id, name: "building-logger-de.csv", frame });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("trains every model in a worker thread with progress per model and epoch, and keeps rows and artifacts of each", async () => {
    const projectId = await project(config());
    const started = await startTrainingJob(LOCAL_USER, projectId);
    if (!started.ok) throw new Error(started.error);
    const job = await settled(started.jobId);
    expect(job.status).toBe("succeeded");

    // Live progress: model i of n, and for the net each epoch with its loss.
    const messages = announced.filter((row) => row.id === started.jobId).map((row) => row.message ?? "");
    expect(messages.some((message) => /^Model 3 of 3: dense 1×8 relu, 30 epochs · epoch \d+\/30 · loss [\d.e-]+ · validation loss [\d.e-]+$/.test(message))).toBe(true);
    const progress = announced.filter((row) => row.id === started.jobId).map((row) => row.progress);
    expect(progress.every((value, i) => i === 0 || value >= progress[i - 1])).toBe(true);

    const found = await findOwnRun(LOCAL_USER, started.runId);
    expect(found?.view).toMatchObject({ status: "succeeded", projectId, jobId: started.jobId, modelCount: 3, inputColumns: ["Außentemperatur", "Wärmeleistung"] });
    expect(found!.view.finishedAt).not.toBeNull();
    const view = found!.view;
    expect(view.models.map((model) => [model.position, model.result.kind])).toEqual([[1, "naive"], [2, "linear"], [3, "dense"]]);
    expect(view.samples!.train).toBeGreaterThan(300);
    expect(view.models[1].result.test.MSE as number).toBeLessThan(view.models[0].result.test.MSE as number);

    // The stored result is the contract's document, without NaN anywhere.
    const [row] = await app.db.asService((sql) => sql.query<{ result: unknown; samples: unknown }>("select result::text as result, samples::text as samples from training_runs where id = $1", [started.runId]));
    expect(String(row.result)).not.toMatch(/NaN|Infinity/);
    const result = trainingResultSchema.parse(JSON.parse(String(row.result)));
    expect(result.models).toHaveLength(3);
    expect(JSON.parse(String(row.samples))).toEqual(result.samples);

    // Artifacts: a model document and test forecasts per model.
    expect((await runFiles(started.runId)).sort()).toEqual(["forecasts-1.arrow", "forecasts-2.arrow", "forecasts-3.arrow", "model-1.json", "model-2.json", "model-3.json"]);
    const dense = await findOwnTrainedModel(LOCAL_USER, view.models[2].id);
    const document = modelDocumentSchema.parse(JSON.parse(new TextDecoder().decode(await blobStore().get(dense!.modelBlobKey))));
    expect(document.model).toMatchObject({ kind: "dense", units: 8 });
    const forecasts = arrowToFrame(await blobStore().get(dense!.forecastsBlobKey));
    expect(forecasts.time.length).toBe(view.samples!.test);
    expect(forecasts.columns.map((column) => column.name)).toEqual([
      "Wärmeleistung+0.25h",
      "Wärmeleistung+0.5h",
      "Wärmeleistung+0.75h",
      "Wärmeleistung+1h",
      "Wärmeleistung+0.25h actual",
      "Wärmeleistung+0.5h actual",
      "Wärmeleistung+0.75h actual",
      "Wärmeleistung+1h actual",
    ]);

    // The project lists the run as its latest, with its models.
    const runs = await listOwnProjectRuns(LOCAL_USER, projectId);
    expect(runs?.runs.map((r) => r.id)).toEqual([started.runId]);
    expect(runs?.latest?.models).toHaveLength(3);

    // Row Level Security: another user finds neither the run, its models, nor the project's runs.
    expect(await findOwnRun(STRANGER, started.runId)).toBeNull();
    expect(await findOwnTrainedModel(STRANGER, view.models[0].id)).toBeNull();
    expect(await listOwnProjectRuns(STRANGER, projectId)).toBeNull();
    for (const table of ["training_runs", "trained_models"]) {
      expect(await app.db.asUser(STRANGER.id, (sql) => sql.query(`select id from ${table}`))).toEqual([]);
    }
    expect(await startTrainingJob(STRANGER, projectId)).toEqual({ ok: false, error: "Project not found." });

    // The downloaded model document is what `predict --model` reads.
    const modelFile = path.join(app.dataDir, "model.json");
    await writeFile(modelFile, new TextDecoder().decode(await blobStore().get(dense!.modelBlobKey)));
    const out = path.join(app.dataDir, "forecast.csv");
    await run(TSX, ["--conditions=react-server", "server/cli/main.ts", "predict", "--model", modelFile, "--in", SAMPLE, "--out", out], { cwd: path.resolve(".") });
    expect(existsSync(out)).toBe(true);
  });

  it("refuses to start with settings that are incomplete, name another user's dataset, or while a run is under way", async () => {
    const incomplete = await project({ ...config(), steps: { inputSteps: 0, outputSteps: 4, stepMinutes: 15 } });
    expect(await startTrainingJob(LOCAL_USER, incomplete)).toEqual({ ok: false, error: expect.stringMatching(/^Complete the settings first: steps\.inputSteps: /) });
    const baseline = await project(config({ inputs: [{ datasetId, column: "Außentemperatur", startHours: -2, endHours: 0 }], models: [{ kind: "naive" }] }));
    expect(await startTrainingJob(LOCAL_USER, baseline)).toEqual({ ok: false, error: expect.stringMatching(/^Complete the settings first: models\.0: naive needs the output series 'Wärmeleistung'/) });

    const theirs = randomUUID();
    await app.db.asService((sql) => sql.query("insert into datasets (id, owner_id, name, blob_key) values ($1, $2, 'theirs', $3)", [theirs, STRANGER.id, datasetBlobKey(theirs)]));
    const borrowing = await project(config({ outputs: [{ datasetId: theirs, column: "Wärmeleistung", startHours: 0.25, endHours: 1 }], models: [{ kind: "linear" }] }));
    expect(await startTrainingJob(LOCAL_USER, borrowing)).toEqual({ ok: false, error: "Complete the settings first: outputs.0.datasetId: the dataset no longer exists; choose another one." });
    expect(await app.db.asService((sql) => sql.query("select id from training_runs where project_id = any($1::uuid[])", [[incomplete, baseline, borrowing]]))).toEqual([]);

    const slow = await project(config({ models: [{ kind: "dense", layers: 2, units: 64, epochs: 200, patience: 200 }] }));
    const first = await startTrainingJob(LOCAL_USER, slow);
    expect(first.ok).toBe(true);
    expect(await startTrainingJob(LOCAL_USER, slow)).toEqual({ ok: false, error: "A training run of this project is under way already." });
    if (first.ok) {
      expect(await cancelOwnJob(LOCAL_USER, first.jobId)).toBe(true);
      await settled(first.jobId);
    }
  });

  it("a column missing from the dataset fails the run with a message naming the field, and leaves no file", async () => {
    const projectId = await project(config({ inputs: [{ datasetId, column: "Leistung", startHours: -2, endHours: 0 }], models: [{ kind: "linear" }] }));
    const started = await startTrainingJob(LOCAL_USER, projectId);
    if (!started.ok) throw new Error(started.error);
    const job = await settled(started.jobId);
    expect(job.status).toBe("failed");
    expect(job.message).toBe("Inputs.0.column: no column 'Leistung' in building-logger-de.csv (columns: Außentemperatur, Wärmeleistung).");
    const found = await findOwnRun(LOCAL_USER, started.runId);
    expect(found?.view).toMatchObject({ status: "failed", message: job.message, models: [] });
    expect(await runFiles(started.runId)).toEqual([]);
  });

  it("cancelling mid-training ends the run as cancelled with no model kept", async () => {
    const projectId = await project(config({ models: [{ kind: "linear" }, { kind: "dense", layers: 2, units: 64, epochs: 500, patience: 500 }] }));
    const started = await startTrainingJob(LOCAL_USER, projectId);
    if (!started.ok) throw new Error(started.error);
    // Wait until the net is in its epochs: the linear model's files are written by then.
    await eventually(async () => announced.some((row) => row.id === started.jobId && /epoch \d+\/500/.test(row.message ?? "")), "training did not reach the epochs", { timeoutMs: 90_000 });
    expect((await runFiles(started.runId)).length).toBeGreaterThan(0);
    expect(await cancelOwnJob(LOCAL_USER, started.jobId)).toBe(true);
    const job = await settled(started.jobId);
    expect(job.status).toBe("cancelled");
    const found = await findOwnRun(LOCAL_USER, started.runId);
    expect(found?.view).toMatchObject({ status: "cancelled", models: [] });
    expect(await app.db.asService((sql) => sql.query("select id from trained_models where run_id = $1", [started.runId]))).toEqual([]);
    // The runner ends the thread; what it had written goes with it.
    await eventually(async () => (await runFiles(started.runId)).length === 0, "the run's files were not removed", { timeoutMs: 10_000 });
  });

  it("deleting a project stops its run under way and removes every model file of its runs", async () => {
    const projectId = await project(config({ models: [{ kind: "linear" }] }));
    const done = await startTrainingJob(LOCAL_USER, projectId);
    if (!done.ok) throw new Error(done.error);
    expect((await settled(done.jobId)).status).toBe("succeeded");
    expect(await runFiles(done.runId)).toHaveLength(2);
    await app.db.asService((sql) => sql.query("update training_projects set config = $2::text::jsonb where id = $1", [projectId, JSON.stringify(config({ models: [{ kind: "linear" }, { kind: "dense", layers: 2, units: 64, epochs: 500, patience: 500 }] }))]));
    const busy = await startTrainingJob(LOCAL_USER, projectId);
    if (!busy.ok) throw new Error(busy.error);
    await eventually(async () => announced.some((row) => row.id === busy.jobId && /epoch \d+\/500/.test(row.message ?? "")), "training did not reach the epochs", { timeoutMs: 90_000 });

    expect(await deleteOwnProject(STRANGER, projectId)).toBe(false);
    expect(await deleteOwnProject(LOCAL_USER, projectId)).toBe(true);
    expect((await settled(busy.jobId)).status).toBe("cancelled");
    expect(await app.db.asService((sql) => sql.query("select id from training_runs where project_id = $1", [projectId]))).toEqual([]);
    await eventually(async () => (await runFiles(busy.runId)).length === 0, "the run's files were not removed", { timeoutMs: 10_000 });
    expect(await runFiles(done.runId)).toEqual([]);
  });

  it("serves a run and its artifacts over HTTP to their owner only, with chart slices and the test forecasts as CSV", async () => {
    // A trained run of the local user, and the same model rows hung on another user's project.
    const projectId = await project(config({ models: [{ kind: "linear" }] }));
    const started = await startTrainingJob(LOCAL_USER, projectId);
    if (!started.ok) throw new Error(started.error);
    expect((await settled(started.jobId)).status).toBe("succeeded");
    const [mine] = (await findOwnRun(LOCAL_USER, started.runId))!.view.models;
    const theirs = randomUUID();
    await app.db.asService(async (sql) => {
      const [theirProject] = await sql.query<{ id: string }>("insert into training_projects (owner_id, name) values ($1, 'theirs') returning id", [STRANGER.id]);
      const [theirRun] = await sql.query<{ id: string }>("insert into training_runs (owner_id, project_id, status, config) select $1, $2, 'succeeded', config from training_runs where id = $3 returning id", [
        STRANGER.id,
        theirProject.id,
        started.runId,
      ]);
      await sql.query(
        `insert into trained_models (id, owner_id, run_id, project_id, position, kind, result, model_blob_key, forecasts_blob_key)
         select $1, $2, $3, $4, position, kind, result, model_blob_key, forecasts_blob_key from trained_models where id = $5`,
        [theirs, STRANGER.id, theirRun.id, theirProject.id, mine.id],
      );
    });
    // The app owns the database while it runs.
    await app.release();
    server = await startAppServer({ dataDir: app.dataDir });
    const get = (route: string) => fetch(`${server!.url}${route}`);

    const runs = projectRunsSchema.parse(await (await get(`/api/training-runs?projectId=${projectId}`)).json());
    expect(runs.latest?.models.map((model) => model.id)).toEqual([mine.id]);
    expect((await get(`/api/training-runs?projectId=${randomUUID()}`)).status).toBe(404);
    expect((await get("/api/training-runs?projectId=nope")).status).toBe(400);

    const model = await get(`/api/trained-models/${mine.id}/model`);
    expect(model.headers.get("content-disposition")).toBe(`attachment; filename="model-1-linear.json"; filename*=UTF-8''model-1-linear.json`);
    expect(modelDocumentSchema.parse(await model.json()).model.kind).toBe("linear");

    const sample = forecastChartSchema.parse(await (await get(`/api/trained-models/${mine.id}/forecasts?sample=2`)).json());
    expect(sample.series[0].points).toHaveLength(4);
    expect(sample.series[0].points[0][0] - sample.referenceTime!).toBe(15 * 60_000);
    const step = forecastChartSchema.parse(await (await get(`/api/trained-models/${mine.id}/forecasts?step=4`)).json());
    expect(step.series[0].points).toHaveLength(step.samples);
    const bad = await get(`/api/trained-models/${mine.id}/forecasts?step=0`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^step: /);
    expect((await get(`/api/trained-models/${mine.id}/forecasts?format=xlsx`)).status).toBe(400);

    const csv = await get(`/api/trained-models/${mine.id}/forecasts?format=csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe("timestamp,Wärmeleistung+0.25h,Wärmeleistung+0.5h,Wärmeleistung+0.75h,Wärmeleistung+1h,Wärmeleistung+0.25h actual,Wärmeleistung+0.5h actual,Wärmeleistung+0.75h actual,Wärmeleistung+1h actual");
    expect(lines).toHaveLength(step.samples + 1);

    // Another user's model, even one pointing at the same files, is simply not there.
    for (const route of [`/api/trained-models/${theirs}/model`, `/api/trained-models/${theirs}/forecasts?format=csv`, `/api/trained-models/${theirs}/forecasts?sample=0`, "/api/trained-models/not-a-uuid/model"]) {
      const response = await get(route);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "Model not found." });
    }
    expect((await get(`/training/${projectId}/runs/${started.runId}`)).status).toBe(200);
    expect((await get(`/training/${randomUUID()}/runs/${started.runId}`)).status).toBe(404);
  });
});
