import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync } from "node:fs";
import { copyFile, mkdir, realpath, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as tus from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userChannel } from "@/lib/contracts/channels";
import { jobDetailSchema, type JobDetail } from "@/lib/contracts/job-view";
import { projectRunsSchema } from "@/lib/contracts/training-run";
import { UPLOAD_HEAD_CHECKSUM_BYTES } from "@/lib/contracts/upload-actions";
import { uploadListSchema, type UploadView } from "@/lib/contracts/upload-view";
import type { Frame } from "@/lib/series/frame";
import type { TrainingConfigInput } from "@/lib/train/training-config";
import { LOCAL_USER } from "@/server/auth/session-user";
import { startImportJob } from "@/server/datasets/start-import";
import { closeDatabase, database } from "@/server/db";
import { lockDataFolder } from "@/server/db/data-folder-lock";
import { findJob, type JobRow } from "@/server/jobs/job-queue";
import { blobStore } from "@/server/storage/blob-store";
import { startTrainingJob } from "@/server/train/start-training";
import { insertUpload, recordUploadCheck } from "@/server/uploads/upload-records";
import { freePort } from "../support/app-server";
import { eventually } from "../support/jobs";
import { groupGone, npmStart, type NpmStart } from "../support/npm-start";
import { seedDataset } from "../support/seed-datasets";
import { ThrottledHttpStack } from "../support/throttled-http-stack";

// One data folder for the whole file, as a user's `.data`: every restart must find what the ones before left.
const DATA_DIR = mkdtempSync(path.join(tmpdir(), "chronoframe-lifecycle-"));
const FILES = mkdtempSync(path.join(tmpdir(), "chronoframe-lifecycle-files-"));
const IMPORT_CSV = path.join(FILES, "import.csv");
const UPLOAD_CSV = path.join(FILES, "upload.csv");
const UPLOAD_BYTES_PER_SECOND = 3 * 1024 * 1024;
/** The requirement: a stopped server is gone within a few seconds, whatever the clients do. */
const STOP_BOUND_MS = 10_000;
const JOB_TIMEOUT_MS = 240_000;
const previousDataDir = process.env.CHRONOFRAME_DATA_DIR;
process.env.CHRONOFRAME_DATA_DIR = DATA_DIR;

/** A generated logger export: a header and `rows` lines of a minute's time step and two values. */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("time,load,outdoor\n");
  const start = Date.UTC(2020, 0, 1);
  for (let i = 0; i < rows; i++) {
    const line = `${new Date(start + i * 60_000).toISOString()},${(50 + 20 * Math.sin(i / 240)).toFixed(3)},${(10 + 8 * Math.cos(i / 1440)).toFixed(3)}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const sha256Of = async (file: string, bytes = Number.POSITIVE_INFINITY) => {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { end: bytes - 1 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
};

/** Four weeks of a quarter-hourly heating load that follows the outdoor temperature: something to train on. */
function trainingFrame(): Frame {
  const n = 4 * 7 * 96;
  const time = new Float64Array(n);
  const outdoor = new Float64Array(n);
  const load = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = Date.UTC(2024, 0, 1) + i * 15 * 60_000;
    outdoor[i] = 5 + 6 * Math.sin((2 * Math.PI * i) / 96) + 3 * Math.sin(i / 500);
    load[i] = 80 - 3 * outdoor[i] + 4 * Math.cos((2 * Math.PI * i) / 96);
  }
  return { time, columns: [{ name: "outdoor", unit: "°C", values: outdoor }, { name: "load", unit: "kW", values: load }] };
}

function trainingConfig(datasetId: string): TrainingConfigInput {
  return {
    version: 1,
    inputs: [
      { datasetId, column: "outdoor", startHours: -2, endHours: 0 },
      { datasetId, column: "load", startHours: -2, endHours: 0 },
    ],
    outputs: [{ datasetId, column: "load", startHours: 0.25, endHours: 1 }],
    steps: { inputSteps: 9, outputSteps: 4, stepMinutes: 15 },
    models: [{ kind: "linear" }, { kind: "dense", layers: 1, units: 16, epochs: 40, patience: 40, batchSize: 32 }],
  };
}

interface Work {
  label: string;
  importJobId: string;
  importedDatasetId: string;
  projectId: string;
  trainingJobId: string;
  runId: string;
}

/**
 * Queues, while no server runs, what a user would have started: the import of a large
 * checked upload and a training run of a project, through the server functions the UI calls.
 */
async function queueWork(label: string): Promise<Work> {
  const db = await database();
  try {
    const uploadId = randomUUID();
    const stored = path.join(DATA_DIR, "files", "uploads", uploadId);
    await mkdir(path.dirname(stored), { recursive: true });
    await copyFile(IMPORT_CSV, stored);
    const { size } = await stat(stored);
    await db.asUser(LOCAL_USER.id, async (sql) => {
      await insertUpload(sql, { id: uploadId, ownerId: LOCAL_USER.id, filename: `import-${label}.csv`, sizeBytes: size, expiresAt: new Date(Date.now() + 3600_000) });
      await recordUploadCheck(sql, uploadId, { sha256: await sha256Of(IMPORT_CSV), headSha256: await sha256Of(IMPORT_CSV, UPLOAD_HEAD_CHECKSUM_BYTES), lineCount: 0, encoding: "utf-8", delimiter: ",", sizeBytes: size });
    });
    const imported = await startImportJob(LOCAL_USER, uploadId, { timezone: "UTC" });
    if (!imported.ok) throw new Error(imported.error);

    const datasetId = await seedDataset(db, blobStore(), { ownerId: LOCAL_USER.id, name: `heating-${label}.csv`, frame: trainingFrame() });
    const projectId = randomUUID();
    await db.asService((sql) =>
      sql.query("insert into training_projects (id, owner_id, name, config) values ($1, $2, $3, $4::text::jsonb)", [projectId, LOCAL_USER.id, `project ${label}`, JSON.stringify(trainingConfig(datasetId))]),
    );
    const trained = await startTrainingJob(LOCAL_USER, projectId);
    if (!trained.ok) throw new Error(trained.error);
    return { label, importJobId: imported.jobId, importedDatasetId: imported.datasetId, projectId, trainingJobId: trained.jobId, runId: trained.runId };
  } finally {
    await closeDatabase();
  }
}

/** Rows of the data folder read while no server runs (this process then holds the lock for a moment). */
async function readRows<T>(read: (db: Awaited<ReturnType<typeof database>>) => Promise<T>): Promise<T> {
  try {
    return await read(await database());
  } finally {
    await closeDatabase();
  }
}

const jobRow = (db: Awaited<ReturnType<typeof database>>, id: string) => db.asService((sql) => findJob(sql, id)) as Promise<JobRow>;

async function jobOf(app: NpmStart, id: string): Promise<JobDetail> {
  const response = await fetch(`${app.url}/api/jobs/${id}`);
  expect(response.status).toBe(200);
  return jobDetailSchema.parse(await response.json());
}

async function uploadsOf(app: NpmStart): Promise<UploadView[]> {
  const response = await fetch(`${app.url}/api/files`);
  expect(response.status).toBe(200);
  return uploadListSchema.parse(await response.json()).uploads;
}

async function datasetIds(app: NpmStart): Promise<string[]> {
  const response = await fetch(`${app.url}/api/datasets`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { datasets: { id: string }[] }).datasets.map((dataset) => dataset.id).sort();
}

/** A browser tab's event stream: resolves `ended` with how it ended (the server closed it, or the connection broke). */
function followEvents(app: NpmStart): { ready: Promise<void>; ended: Promise<"closed" | "broken"> } {
  let ready = () => {};
  const subscribed = new Promise<void>((resolve) => (ready = resolve));
  const ended = (async () => {
    const response = await fetch(`${app.url}/api/events?channel=${userChannel(LOCAL_USER.id)}`);
    expect(response.status).toBe(200);
    const decoder = new TextDecoder();
    let text = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        text += decoder.decode(chunk, { stream: true });
        if (text.includes("event: ready")) ready();
      }
      return "closed" as const;
    } catch {
      return "broken" as const;
    }
  })();
  return { ready: subscribed, ended };
}

/** A tus-js-client upload on a slow line, retrying through restarts; records the offset of every PATCH. */
function startUpload(app: NpmStart, name: string): { done: Promise<void>; sent: () => number; patchOffsets: number[]; id: () => string | null } {
  const patchOffsets: number[] = [];
  let sent = 0;
  let upload: tus.Upload;
  const done = new Promise<void>((resolve, reject) => {
    upload = new tus.Upload(createReadStream(UPLOAD_CSV), {
      endpoint: `${app.url}/api/uploads`,
      metadata: { filename: name, filetype: "text/csv" },
      httpStack: new ThrottledHttpStack(UPLOAD_BYTES_PER_SECOND),
      retryDelays: [500, 1000, 2000, 2000, 3000, 3000, 5000, 5000, 5000, 5000, 10000, 10000, 10000, 10000],
      onBeforeRequest: (request) => {
        if (request.getMethod() === "PATCH") patchOffsets.push(Number(request.getHeader("Upload-Offset")));
      },
      onProgress: (bytes) => (sent = bytes),
      onSuccess: () => resolve(),
      onError: reject,
    });
    upload.start();
  });
  return { done, sent: () => sent, patchOffsets, id: () => upload.url?.split("/").pop() ?? null };
}

/** Waits until the import and the training are running and the upload is under way. */
async function workUnderWay(app: NpmStart, work: Work, upload: ReturnType<typeof startUpload>): Promise<void> {
  await eventually(
    async () => {
      const [imported, trained] = await Promise.all([jobOf(app, work.importJobId), jobOf(app, work.trainingJobId)]);
      return imported.status === "running" && trained.status === "running" && upload.sent() > 1024 * 1024 && upload.sent() < (await stat(UPLOAD_CSV)).size;
    },
    "the import, the training and the upload were not all under way",
    { timeoutMs: 120_000, intervalMs: 200 },
  );
}

async function finished(app: NpmStart, jobId: string): Promise<JobDetail> {
  return eventually(
    async () => {
      const job = await jobOf(app, jobId);
      return job.status === "succeeded" || job.status === "failed" || job.status === "cancelled" ? job : null;
    },
    `job ${jobId} did not finish`,
    { timeoutMs: JOB_TIMEOUT_MS, intervalMs: 500 },
  );
}

/** The upload done, resumed from what the server had stored, and checked to the file's checksum. */
async function expectUploadCompleted(app: NpmStart, upload: ReturnType<typeof startUpload>, storedOffset: number): Promise<void> {
  await upload.done;
  expect(upload.patchOffsets[0]).toBe(0);
  expect(upload.patchOffsets.at(-1)).toBe(storedOffset);
  const ready = await eventually(
    async () => (await uploadsOf(app)).find((candidate) => candidate.id === upload.id() && (candidate.status === "ready" || candidate.status === "failed")),
    "the upload was not checked",
    { timeoutMs: JOB_TIMEOUT_MS, intervalMs: 500 },
  );
  expect(ready.status).toBe("ready");
  expect(ready.sha256).toBe(await sha256Of(UPLOAD_CSV));
}

async function expectWorkCompleted(app: NpmStart, work: Work): Promise<void> {
  const imported = await finished(app, work.importJobId);
  expect(imported.status, imported.message ?? "").toBe("succeeded");
  const trained = await finished(app, work.trainingJobId);
  expect(trained.status, trained.message ?? "").toBe("succeeded");
  expect(await datasetIds(app)).toContain(work.importedDatasetId);
  const response = await fetch(`${app.url}/api/training-runs?projectId=${work.projectId}`);
  expect(response.status).toBe(200);
  const { latest } = projectRunsSchema.parse(await response.json());
  expect(latest).toMatchObject({ id: work.runId, status: "succeeded" });
  expect(latest!.models).toHaveLength(2);
}

async function stoppedWithin(app: NpmStart, send: () => void): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null }> {
  const started = Date.now();
  send();
  const exit = await app.exited;
  await groupGone(app, STOP_BOUND_MS);
  return { ms: Date.now() - started, ...exit };
}

describe("the server's life: signals, crashes, a second start (npm start, real processes)", () => {
  let port: number;
  let app: NpmStart | undefined;
  const measured: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    await writeCsv(IMPORT_CSV, 700_000);
    await writeCsv(UPLOAD_CSV, 800_000);
  });
  afterAll(async () => {
    await app?.killGroup();
    await closeDatabase();
    console.log(measured.join("\n"));
    await rm(DATA_DIR, { recursive: true, force: true });
    await rm(FILES, { recursive: true, force: true });
    if (previousDataDir === undefined) delete process.env.CHRONOFRAME_DATA_DIR;
    else process.env.CHRONOFRAME_DATA_DIR = previousDataDir;
  });

  it("SIGTERM with a tab's stream open, an upload mid-transfer, an import and a training running: gone within seconds, nothing lost, all of it completes on the next start", async () => {
    const work = await queueWork("term");
    app = await npmStart({ dataDir: DATA_DIR, port });
    const tab = followEvents(app);
    await tab.ready;
    const upload = startUpload(app, "upload-term.csv");
    await workUnderWay(app, work, upload);

    const stop = await stoppedWithin(app, () => app!.child.kill("SIGTERM"));
    measured.push(`SIGTERM with a tab open, an upload, an import and a training running: stopped in ${stop.ms} ms`);
    expect(stop.ms).toBeLessThan(STOP_BOUND_MS);
    expect({ code: stop.code, signal: stop.signal }).toEqual({ code: 143, signal: null });
    expect(app.output()).toMatch(/Chronoframe stopped in \d+ ms/);
    // The server ended the stream itself (the browser then reconnects), rather than the connection breaking.
    expect(await tab.ended).toBe("closed");

    // The jobs went back to the queue with their attempt not counted; the upload kept what arrived.
    const storedOffset = (await stat(path.join(DATA_DIR, "files", "uploads", upload.id()!))).size;
    expect(storedOffset).toBeGreaterThan(0);
    expect(storedOffset).toBeLessThan((await stat(UPLOAD_CSV)).size);
    await readRows(async (db) => {
      for (const id of [work.importJobId, work.trainingJobId]) {
        expect(await jobRow(db, id)).toMatchObject({ status: "queued", attempts: 0, locked_by: null });
      }
    });

    const started = Date.now();
    app = await npmStart({ dataDir: DATA_DIR, port });
    measured.push(`start after a SIGTERM stop: healthy in ${Date.now() - started} ms`);
    await expectUploadCompleted(app, upload, storedOffset);
    await expectWorkCompleted(app, work);

    // Ctrl-C in a terminal: SIGINT to the whole group, with a tab's stream open.
    const again = followEvents(app);
    await again.ready;
    const interrupt = await stoppedWithin(app, () => app!.signalGroup("SIGINT"));
    measured.push(`Ctrl-C (SIGINT to the group) with a tab open: stopped in ${interrupt.ms} ms`);
    expect(interrupt.ms).toBeLessThan(STOP_BOUND_MS);
    expect(interrupt.code).toBe(130);
    expect(await again.ended).toBe("closed");
    app = undefined;
  });

  it("SIGKILL of the whole tree mid-work: the next start opens the database, runs the jobs again at once to success, and the upload resumes from its stored offset", async () => {
    const work = await queueWork("kill");
    app = await npmStart({ dataDir: DATA_DIR, port });
    const before = await datasetIds(app);
    const tab = followEvents(app);
    await tab.ready;
    const upload = startUpload(app, "upload-kill.csv");
    await workUnderWay(app, work, upload);

    await app.killGroup();
    await groupGone(app, STOP_BOUND_MS);
    expect(await tab.ended).toBe("broken");
    const storedOffset = (await stat(path.join(DATA_DIR, "files", "uploads", upload.id()!))).size;
    expect(storedOffset).toBeGreaterThan(0);
    // The dead process left its jobs running, each with its attempt counted.
    const left = await readRows((db) => Promise.all([work.importJobId, work.trainingJobId].map((id) => jobRow(db, id))));
    for (const job of left) expect(job).toMatchObject({ status: "running", attempts: 1 });

    const started = Date.now();
    app = await npmStart({ dataDir: DATA_DIR, port });
    const healthyMs = Date.now() - started;
    measured.push(`start after a SIGKILL: healthy in ${healthyMs} ms`);
    // Claimed again at once (only this process can have changed their rows), not when the dead process's 60 s lease runs out.
    await eventually(
      async () => {
        const jobs = await Promise.all(left.map((job) => jobOf(app!, job.id)));
        return jobs.every((job, i) => job.seq > Number(left[i].seq) && job.status !== "queued");
      },
      "the jobs did not run again",
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    measured.push(`jobs left running by the killed server claimed again ${Date.now() - started - healthyMs} ms after the start was healthy`);
    // Everything the earlier starts made is still there.
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect((await datasetIds(app)).filter((id) => before.includes(id))).toEqual(before);
    await expectUploadCompleted(app, upload, storedOffset);
    await expectWorkCompleted(app, work);
  });

  it("a second start on the same folder says who uses it and exits non-zero, touching nothing, while the first goes on serving", async () => {
    expect(app).toBeDefined();
    const first = app!;
    const serverPid = first.serverPid();
    expect(serverPid).not.toBeNull();
    const datasets = await datasetIds(first);
    const folder = path.join(await realpath(DATA_DIR), "db");

    const second = await npmStart({ dataDir: DATA_DIR, port: await freePort(), healthy: false });
    const exit = await second.exited;
    await groupGone(second, STOP_BOUND_MS);
    expect(exit.code).toBe(1);
    expect(second.output()).toContain(`Chronoframe cannot start: Another Chronoframe (pid ${serverPid}, port ${port}) is using ${folder}`);

    const health = await fetch(`${first.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "ok" });
    expect(await datasetIds(first)).toEqual(datasets);
    expect(first.serverPid()).toBe(serverPid);
  });

  it("when npm start itself is killed, its server stops too and leaves the folder free", async () => {
    expect(app).toBeDefined();
    const serverPid = app!.serverPid()!;
    process.kill(app!.child.pid!, "SIGKILL");
    await app!.exited;
    const started = Date.now();
    await eventually(
      async () => {
        try {
          process.kill(serverPid, 0);
          return false;
        } catch {
          return true;
        }
      },
      "the server outlived npm start",
      { timeoutMs: STOP_BOUND_MS, intervalMs: 50 },
    );
    measured.push(`server stopped ${Date.now() - started} ms after npm start was killed`);
    app = undefined;
    const lock = await lockDataFolder(path.join(DATA_DIR, "db"), { role: "test", port: null });
    await lock.release();
  });
});
