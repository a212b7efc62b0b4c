import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobChannel } from "@/lib/contracts/channels";
import type { JobEvent } from "@/lib/contracts/job-view";
import { LOCAL_USER } from "@/server/auth/session-user";
import { database, type Database } from "@/server/db";
import { migrate } from "@/server/db/migrate";
import { findJob } from "@/server/jobs/job-queue";
import { blobStore } from "@/server/storage/blob-store";
import { startTrainingJob } from "@/server/train/start-training";
import type { TrainingCheckpoint } from "@/server/train/training-checkpoint";
import { startFakePusher, type FakePusher } from "../../support/fake-pusher";
import { eventually, finishedJob } from "../../support/jobs";
import { seedDataset } from "../../support/seed-datasets";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { buildingFrame, interruptibleTrainingConfig } from "../../support/training-fixtures";

const EPOCHS = 150;

/**
 * `npm run worker` processes on one PostgreSQL database: the one training is SIGKILLed
 * mid-training, another takes the job over once its lease ran out (shown as retrying on the
 * job's channel), keeps the finished models and resumes the net from its last checkpoint.
 */
describe("a training job whose worker process was killed", () => {
  let testDatabase: TestDatabase;
  let pusher: FakePusher;
  let dataDir: string;
  let db: Database;
  const workers: ChildProcess[] = [];
  const saved: Record<string, string | undefined> = {};

  const environment = () => ({
    DATABASE_URL: testDatabase.url,
    CHRONOFRAME_DATA_DIR: dataDir,
    PUSHER_APP_ID: pusher.appId,
    PUSHER_KEY: pusher.key,
    PUSHER_SECRET: pusher.secret,
    PUSHER_CLUSTER: "eu",
    PUSHER_HOST: pusher.host,
    PUSHER_PORT: String(pusher.port),
    PUSHER_USE_TLS: "false",
    WORKER_THREADS: "1",
  });

  function startWorker(): { child: ChildProcess; output: () => string } {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: process.env.TZ, NODE_ENV: "production", ...environment() };
    // What `npm run worker` runs, as one process (the tsx CLI would put a second one under it, out of SIGKILL's reach).
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "server/jobs/worker-main.ts"], { cwd: path.resolve("."), env, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    workers.push(child);
    return { child, output: () => log };
  }

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    pusher = await startFakePusher({ appId: "778", key: "resume-key", secret: "resume-secret" });
    dataDir = await mkdtemp(path.join(tmpdir(), "chronoframe-worker-killed-"));
    // This process starts the run as the web server would, on the same database and data folder.
    for (const [name, value] of Object.entries(environment())) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    db = await database();
    await migrate(db);
  });
  afterAll(async () => {
    for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await db?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await pusher?.close();
    await testDatabase?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("is taken over after its lease ran out and resumes from the checkpoint to the same models", { timeout: 480_000 }, async () => {
    const datasetId = await seedDataset(db, blobStore(), { ownerId: LOCAL_USER.id, name: "building.csv", frame: buildingFrame() });
    const projectId = randomUUID();
    await db.asService((sql) =>
      sql.query("insert into training_projects (id, owner_id, name, config) values ($1, $2, 'killed', $3::text::jsonb)", [
        projectId,
        LOCAL_USER.id,
        JSON.stringify(interruptibleTrainingConfig(datasetId, EPOCHS)),
      ]),
    );
    const started = await startTrainingJob(LOCAL_USER, projectId);
    if (!started.ok) throw new Error(started.error);
    const checkpointFile = path.join(dataDir, "files", "training-runs", started.runId, "checkpoint.json");

    const first = startWorker();
    const before = await eventually(
      async () => {
        const checkpoint = JSON.parse(await readFile(checkpointFile, "utf8").catch(() => "null")) as TrainingCheckpoint | null;
        return checkpoint?.net && checkpoint.net.checkpoint.epoch >= 5 ? checkpoint : null;
      },
      `the first worker did not checkpoint the net:\n${first.output()}`,
      { timeoutMs: 240_000, intervalMs: 50 },
    );
    const exited = new Promise((resolve) => first.child.once("exit", resolve));
    first.child.kill("SIGKILL");
    await exited;
    const killedAt = Date.now();
    expect((await db.asService((sql) => findJob(sql, started.jobId)))?.status).toBe("running");

    const second = startWorker();
    const events = () => pusher.on(jobChannel(started.jobId)).map((event) => (event.data as JobEvent).job);
    await eventually(async () => events().some((job) => job.status === "retrying"), "the job was not shown as retrying", { timeoutMs: 90_000 }).catch(async (error: Error) => {
      const row = await db.asService((sql) => findJob(sql, started.jobId));
      throw new Error(`${error.message}; job ${row?.status}/${row?.stage}, events ${JSON.stringify(events().map((job) => job.status))}, pusher rejections ${JSON.stringify(pusher.rejections)}:\n${second.output()}`);
    });
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    expect(events().find((job) => job.status === "retrying")).toMatchObject({ attempt: 1, maxAttempts: 4, message: "The worker running this job stopped responding." });

    const job = await finishedJob(db, started.jobId, 300_000);
    expect(job).toMatchObject({ status: "succeeded", attempts: 2 });
    const afterRetry = events().slice(events().findIndex((view) => view.status === "retrying") + 1).map((view) => view.message ?? "");
    expect(afterRetry.some((message) => /^Model [12] of 3/.test(message))).toBe(false);
    const resumedAt = afterRetry.map((message) => /resumed after epoch (\d+)/.exec(message)).find(Boolean);
    expect(Number(resumedAt![1])).toBeGreaterThanOrEqual(before.net!.checkpoint.epoch);

    const models = await db.asService((sql) => sql.query<{ position: number; kind: string; epochs: number | null }>(
      "select position, kind, (result ->> 'epochsRun')::int as epochs from trained_models where run_id = $1 order by position",
      [started.runId],
    ));
    expect(models.map((model) => [model.position, model.kind])).toEqual([[1, "naive"], [2, "linear"], [3, "dense"]]);
    expect(models[2].epochs).toBe(EPOCHS);
  });
});
