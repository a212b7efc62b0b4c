import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { StartDerivationResult } from "@/lib/contracts/dataset-derivation";
import { alignSeries } from "@/lib/process/align";
import { applyRecipe } from "@/lib/process/apply-recipe";
import type { Recipe } from "@/lib/process/recipe";
import type { Frame } from "@/lib/series/frame";
import type { SessionUser } from "@/server/auth/session-user";
import { arrowToFrame } from "@/server/datasets/arrow-frame";
import { findDataset } from "@/server/datasets/dataset-records";
import { startDerivation } from "@/server/datasets/start-derivation";
import { cancelOwnJob } from "@/server/jobs/cancel-job";
import { jobHandlers } from "@/server/jobs/job-kinds-registry";
import { findJob } from "@/server/jobs/job-queue";
import { blobStore, datasetBlobKey } from "@/server/storage/blob-store";
import { inProcessApp } from "../support/in-process-app";
import { eventually, finishedJob } from "../support/jobs";
import { seedDataset } from "../support/seed-datasets";

const OWNER: SessionUser = { id: "aaaaaaaa-3333-4aaa-8aaa-aaaaaaaaaaaa", email: null };
const STRANGER: SessionUser = { id: "bbbbbbbb-4444-4bbb-8bbb-bbbbbbbbbbbb", email: null };
const MINUTE = 60_000;
const T0 = Date.UTC(2024, 2, 31, 0, 0);

/** A series every `stepMinutes` from T0 with the given values (NaN = missing). */
function series(stepMinutes: number, values: number[], name = "value", offsetMinutes = 0): Frame {
  return {
    time: Float64Array.from(values, (_, i) => T0 + (offsetMinutes + i * stepMinutes) * MINUTE),
    columns: [{ name, values: Float64Array.from(values) }],
  };
}

/**
 * Deriving datasets as the app does it: the embedded database and blob store of this process,
 * a real runner with worker threads, `startDerivation` and `cancelOwnJob` as the actions call them.
 */
describe("derive-dataset job: recipes, alignments, bands; lineage, failures and cancel", () => {
  const app = inProcessApp("derive", jobHandlers);
  const importedDataset = (frame: Frame, name: string, owner = OWNER) => seedDataset(app.db, blobStore(), { ownerId: owner.id, name, frame });
  const finished = (jobId: string) => finishedJob(app.db, jobId);

  const started = (result: StartDerivationResult) => {
    if (!result.ok) throw new Error(result.error);
    return result;
  };
  const storedFrame = async (datasetId: string) => arrowToFrame(await blobStore().get(datasetBlobKey(datasetId)));
  const datasetFiles = async () => readdir(path.join(app.dataDir, "files", "datasets")).catch(() => [] as string[]);

  it("runs a recipe into a new version with its lineage, the same frame as the pure core and the per-step report", async () => {
    const source = series(10, [1, 1, 1, 1, 50, 2, NaN, 3, 4, 0, 5]);
    const sourceId = await importedDataset(source, "sensor.csv");
    const recipe: Recipe = { version: 1, steps: [{ op: "limits", max: 40 }, { op: "dropZeros" }, { op: "fillGaps", maxGapMinutes: 30 }] };
    const { datasetId, jobId } = started(await startDerivation(OWNER, { name: "sensor cleaned", derivation: { kind: "recipe", sourceId, recipe } }));

    const done = await finished(jobId);
    expect(done.status).toBe("succeeded");
    expect(done.dataset_id).toBe(datasetId);
    const expected = applyRecipe(source, recipe);
    const dataset = await app.db.asUser(OWNER.id, (sql) => findDataset(sql, datasetId));
    expect(dataset).toMatchObject({ name: "sensor cleaned", parentId: sourceId, uploadId: null, rowCount: expected.frame.time.length });
    expect(dataset!.derivation).toEqual({ kind: "recipe", sourceId, recipe });
    expect(dataset!.derivationReport).toEqual({ kind: "recipe", steps: expected.steps });
    expect(expected.steps.map((step) => [step.removed, step.filled])).toEqual([[1, 0], [1, 0], [0, 3]]);
    const frame = await storedFrame(datasetId);
    expect(Array.from(frame.columns[0].values)).toEqual(Array.from(expected.frame.columns[0].values));
    expect(await app.db.asUser(STRANGER.id, (sql) => findDataset(sql, datasetId))).toBeNull();
  });

  it("aligns two datasets onto one grid, and says which series needs a method when one has none", async () => {
    const quarter = await importedDataset(series(15, [1, 2, 3, 4, 5, 6, 7, 8], "power"), "meter.csv");
    const hourly = await importedDataset(series(60, [10, 20], "temperature"), "weather.csv");
    const spec = { stepMinutes: 60, series: [{ datasetId: quarter, method: "mean" as const }, { datasetId: hourly }] };
    const aligned = started(await startDerivation(OWNER, { name: "aligned", derivation: { kind: "align", spec } }));
    expect((await finished(aligned.jobId)).status).toBe("succeeded");
    const expected = alignSeries(spec, [
      { label: "meter.csv", frame: series(15, [1, 2, 3, 4, 5, 6, 7, 8], "power") },
      { label: "weather.csv", frame: series(60, [10, 20], "temperature") },
    ]);
    const frame = await storedFrame(aligned.datasetId);
    expect(frame.columns.map((column) => column.name)).toEqual(["power", "temperature"]);
    expect(Array.from(frame.time)).toEqual(Array.from(expected.time));
    expect(Array.from(frame.columns[0].values)).toEqual(Array.from(expected.columns[0].values));

    const before = await datasetFiles();
    const needsMethod = started(await startDerivation(OWNER, { name: "not aligned", derivation: { kind: "align", spec: { stepMinutes: 60, series: [{ datasetId: quarter }, { datasetId: hourly }] } } }));
    const failed = await finished(needsMethod.jobId);
    expect(failed.status).toBe("failed");
    expect(failed.message).toMatch(/^series\[0\]\.method: meter\.csv \(column power\) needs a method: its time step 15 min -> 60 min/);
    expect(await app.db.asUser(OWNER.id, (sql) => findDataset(sql, needsMethod.datasetId))).toBeNull();
    expect(await datasetFiles()).toEqual(before);
  });

  it("keeps the points inside a regression band as a dataset", async () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const y = x.map((value, i) => 2 * value + 1 + (i === 4 ? 30 : 0));
    const frame: Frame = { time: Float64Array.from(x, (_, i) => T0 + i * 15 * MINUTE), columns: [{ name: "x", values: Float64Array.from(x) }, { name: "y", values: Float64Array.from(y) }] };
    const id = await importedDataset(frame, "band.csv");
    const band = started(
      await startDerivation(OWNER, {
        name: "inside",
        derivation: { kind: "regression-band", xDatasetId: id, yDatasetId: id, spec: { xColumn: "x", yColumn: "y", kind: "linear", tolerance: "constant", tolCnt: 5 } },
      }),
    );
    expect((await finished(band.jobId)).status).toBe("succeeded");
    const inside = await storedFrame(band.datasetId);
    expect(inside.time.length).toBe(9);
    expect(Array.from(inside.columns[0].values)).not.toContain(4);
    const dataset = await app.db.asUser(OWNER.id, (sql) => findDataset(sql, band.datasetId));
    expect(dataset!.derivationReport).toMatchObject({ kind: "regression-band", inside: 9, outside: 1, tolCnt: 5, tolDep: null });
  });

  it("refuses another user's dataset and an unknown model without queueing anything", async () => {
    const foreign = await importedDataset(series(15, [1, 2, 3]), "theirs.csv", STRANGER);
    const refused = await startDerivation(OWNER, { name: "stolen", derivation: { kind: "recipe", sourceId: foreign, recipe: { version: 1, steps: [] } } });
    expect(refused).toEqual({ ok: false, error: `Dataset ${foreign} not found.` });
    const mine = await importedDataset(series(15, [1, 2, 3]), "mine.csv");
    const noModel = await startDerivation(OWNER, { name: "forecast", derivation: { kind: "forecast", sourceId: mine, modelId: randomUUID() } });
    expect(noModel).toEqual({ ok: false, error: "Model not found." });
    const jobs = await app.db.asService((sql) => sql.query<{ n: string | number }>("select count(*) as n from jobs where payload->>'name' in ('stolen', 'forecast')"));
    expect(Number(jobs[0].n)).toBe(0);
  });

  it("cancels a running derivation: the thread stops, nothing is written, and the next job runs", async () => {
    // Hampel over a long window on a million rows keeps the thread busy for seconds.
    const n = 1_000_000;
    const values = Array.from({ length: n }, (_, i) => Math.sin(i / 50) + (i % 997 === 0 ? 10 : 0));
    const big = await importedDataset(series(1, values), "big.csv");
    const slow: Recipe = { version: 1, steps: Array.from({ length: 4 }, () => ({ op: "outliers" as const, method: "hampel" as const, windowMinutes: 600 })) };
    const before = await datasetFiles();
    const { datasetId, jobId } = started(await startDerivation(OWNER, { name: "slow", derivation: { kind: "recipe", sourceId: big, recipe: slow } }));
    await eventually(async () => (await app.db.asService((sql) => findJob(sql, jobId)))?.stage === "computing", "the job did not start computing", { intervalMs: 20 });
    expect(await cancelOwnJob(STRANGER, jobId)).toBe(false);
    expect(await cancelOwnJob(OWNER, jobId)).toBe(true);
    const cancelled = await finished(jobId);
    expect(cancelled.status).toBe("cancelled");
    expect(await cancelOwnJob(OWNER, jobId)).toBe(false);

    const next = started(await startDerivation(OWNER, { name: "after", derivation: { kind: "recipe", sourceId: big, recipe: { version: 1, steps: [{ op: "limits", max: 5 }] } } }));
    expect((await finished(next.jobId)).status).toBe("succeeded");
    // The cancelled job's thread was stopped before it could write; its file never appears.
    expect(await app.db.asUser(OWNER.id, (sql) => findDataset(sql, datasetId))).toBeNull();
    expect((await datasetFiles()).filter((name) => !before.includes(name))).toEqual([`${next.datasetId}.arrow`]);
    expect((await app.db.asService((sql) => findJob(sql, jobId)))?.status).toBe("cancelled");
  });
});
