import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCAL_USER } from "@/server/auth/session-user";
import { toJobDetail } from "@/server/jobs/job-detail";
import type { JobRow } from "@/server/jobs/job-queue";
import { blobStore } from "@/server/storage/blob-store";
import { startTrainingJob } from "@/server/train/start-training";
import { findOwnRun } from "@/server/train/training-access";
import { trainModelsHandler } from "@/server/train/train-models-handler";
import { TRAIN_MODELS_JOB } from "@/server/train/train-models-job";
import type { TrainingCheckpoint } from "@/server/train/training-checkpoint";
import { inProcessApp } from "../support/in-process-app";
import { eventually, finishedJob } from "../support/jobs";
import { seedDataset } from "../support/seed-datasets";
import { buildingFrame, interruptibleTrainingConfig } from "../support/training-fixtures";

/**
 * A training job whose worker thread is terminated mid-training (as when its worker dies):
 * its lease runs out, it shows as retrying with the reason, and the retry keeps the models
 * the first attempt finished and goes on from the neural model's last epoch checkpoint.
 */
describe("training resumes from its checkpoint after its worker died", () => {
  const announced: JobRow[] = [];
  const app = inProcessApp("training-resume", {
    [TRAIN_MODELS_JOB]: {
      ...trainModelsHandler,
      announce: async (job) => {
        announced.push(job);
      },
    },
  });

  it("keeps the finished models, resumes the net at its checkpointed epoch, and finishes with every model", { timeout: 300_000 }, async () => {
    const datasetId = await seedDataset(app.db, blobStore(), { ownerId: LOCAL_USER.id, name: "building.csv", frame: buildingFrame() });
    const config = interruptibleTrainingConfig(datasetId, 120);
    const projectId = randomUUID();
    await app.db.asService((sql) =>
      sql.query("insert into training_projects (id, owner_id, name, config) values ($1, $2, 'resume', $3::text::jsonb)", [projectId, LOCAL_USER.id, JSON.stringify(config)]),
    );
    const started = await startTrainingJob(LOCAL_USER, projectId);
    if (!started.ok) throw new Error(started.error);
    const checkpointFile = path.join(app.dataDir, "files", "training-runs", started.runId, "checkpoint.json");

    // The first attempt has finished the two baselines and checkpointed some epochs of the net.
    const before = await eventually(
      async () => {
        const checkpoint = JSON.parse(await readFile(checkpointFile, "utf8").catch(() => "null")) as TrainingCheckpoint | null;
        return checkpoint?.net && checkpoint.net.checkpoint.epoch >= 5 ? checkpoint : null;
      },
      "the net was not checkpointed",
      { timeoutMs: 180_000, intervalMs: 50 },
    );
    expect(before.models.map((model) => model.position)).toEqual([1, 2]);
    expect(before.net!.position).toBe(3);

    // Its worker thread dies: nothing renews the lease any more.
    const killedAt = Date.now();
    app.runner.abort(started.jobId);
    const retrying = await eventually(async () => announced.find((row) => row.id === started.jobId && row.stage === "retrying"), "the job was not shown as retrying", { timeoutMs: 60_000 });
    // Within a minute of the worker's death, the page can say what happened and what comes next.
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    expect(toJobDetail(retrying)).toMatchObject({ status: "retrying", attempt: 1, maxAttempts: 4, message: "The worker running this job stopped responding." });

    const job = await finishedJob(app.db, started.jobId, 180_000);
    expect(job).toMatchObject({ status: "succeeded", attempts: 2 });

    // The retry trained only the net, from the epoch after a checkpoint at least as late as the one read above.
    const ofJob = announced.filter((row) => row.id === started.jobId);
    const retried = ofJob.slice(ofJob.indexOf(retrying) + 1).map((row) => row.message ?? "");
    expect(retried.some((message) => /^Model [12] of 3/.test(message))).toBe(false);
    const resumedAt = retried.map((message) => /resumed after epoch (\d+)/.exec(message)).find(Boolean);
    expect(Number(resumedAt![1])).toBeGreaterThanOrEqual(before.net!.checkpoint.epoch);
    const epochs = retried.map((message) => /epoch (\d+)\/120/.exec(message)).filter(Boolean).map((match) => Number(match![1]));
    expect(Math.min(...epochs)).toBeGreaterThan(Number(resumedAt![1]));

    const run = await findOwnRun(LOCAL_USER, started.runId);
    expect(run?.view.status).toBe("succeeded");
    expect(run!.view.models.map((model) => [model.position, model.result.kind])).toEqual([[1, "naive"], [2, "linear"], [3, "dense"]]);
    expect(run!.view.models[2].result.epochsRun).toBe(120);
    // The kept baselines are the first attempt's results, and the checkpoint is gone with the run's success.
    expect(run!.view.models[1].result.test).toEqual(before.models[1].result.test);
    expect((await readdir(path.dirname(checkpointFile))).sort()).toEqual(["forecasts-1.arrow", "forecasts-2.arrow", "forecasts-3.arrow", "model-1.json", "model-2.json", "model-3.json"]);
  });
});
