import { describe, expect, it } from "vitest";
import { applyRecipe } from "@/lib/process/apply-recipe";
import type { Recipe } from "@/lib/process/recipe";
import type { Frame } from "@/lib/series/frame";
import { arrowToFrame } from "@/server/datasets/arrow-frame";
import { findLineage } from "@/server/datasets/dataset-lineage";
import { findDataset } from "@/server/datasets/dataset-records";
import { deleteSavedRecipe, listSavedRecipes, saveRecipe } from "@/server/datasets/saved-recipes";
import { startDerivation } from "@/server/datasets/start-derivation";
import { jobHandlers } from "@/server/jobs/job-kinds-registry";
import { blobStore, datasetBlobKey } from "@/server/storage/blob-store";
import { inProcessApp } from "../support/in-process-app";
import { finishedJob } from "../support/jobs";
import { seedDataset } from "../support/seed-datasets";

const OWNER = { id: "cccccccc-5555-4ccc-8ccc-cccccccccccc", email: null };
const STRANGER = { id: "dddddddd-6666-4ddd-8ddd-dddddddddddd", email: null };
const T0 = Date.UTC(2024, 5, 3, 0, 0);

/** A 15-min meter series whose values are interval-ending readings. */
function meter(values: number[]): Frame {
  return { time: Float64Array.from(values, (_, i) => T0 + (i + 1) * 15 * 60_000), columns: [{ name: "energy_kwh", values: Float64Array.from(values) }] };
}

/**
 * Saved recipes as the recipe editor uses them, on the embedded database under RLS, and one
 * saved recipe re-applied to other datasets by real derive jobs in worker threads.
 */
describe("saved recipes: save by name, replace, list, delete, and re-use on other datasets", () => {
  const app = inProcessApp("recipes", jobHandlers);
  const importedDataset = (frame: Frame, name: string) => seedDataset(app.db, blobStore(), { ownerId: OWNER.id, name, frame });
  const finished = (jobId: string) => finishedJob(app.db, jobId);

  const hourly: Recipe = { version: 1, steps: [{ op: "resample", stepMinutes: 60, method: "sum", window: "trailing" }] };
  const cleaned: Recipe = { version: 1, steps: [{ op: "limits", min: 0 }, { op: "fillGaps", maxGapMinutes: 30 }, ...hourly.steps] };

  it("saves by name, replaces the user's recipe of the same name, and keeps each user's recipes to themselves", async () => {
    const first = await app.db.asUser(OWNER.id, (sql) => saveRecipe(sql, OWNER.id, { name: "Meter hourly", recipe: hourly }));
    const replaced = await app.db.asUser(OWNER.id, (sql) => saveRecipe(sql, OWNER.id, { name: "Meter hourly", recipe: cleaned }));
    expect(replaced.id).toBe(first.id);
    await app.db.asUser(OWNER.id, (sql) => saveRecipe(sql, OWNER.id, { name: "Another", recipe: { version: 1, steps: [{ op: "dropZeros" }] } }));
    const mine = await app.db.asUser(OWNER.id, (sql) => listSavedRecipes(sql));
    expect(mine.map((one) => [one.name, one.recipe])).toEqual([
      ["Another", { version: 1, steps: [{ op: "dropZeros" }] }],
      ["Meter hourly", cleaned],
    ]);
    // Another user neither sees nor deletes them, and their own recipe of the same name is theirs.
    expect(await app.db.asUser(STRANGER.id, (sql) => listSavedRecipes(sql))).toEqual([]);
    expect(await app.db.asUser(STRANGER.id, (sql) => deleteSavedRecipe(sql, first.id))).toBe(false);
    await app.db.asUser(STRANGER.id, (sql) => saveRecipe(sql, STRANGER.id, { name: "Meter hourly", recipe: hourly }));
    expect((await app.db.asUser(OWNER.id, (sql) => listSavedRecipes(sql))).find((one) => one.name === "Meter hourly")?.recipe).toEqual(cleaned);

    const another = mine.find((one) => one.name === "Another")!;
    expect(await app.db.asUser(OWNER.id, (sql) => deleteSavedRecipe(sql, another.id))).toBe(true);
    expect((await app.db.asUser(OWNER.id, (sql) => listSavedRecipes(sql))).map((one) => one.name)).toEqual(["Meter hourly"]);
  });

  it("applies a loaded recipe to several datasets: one job each, each a new version of its own dataset", async () => {
    const [saved] = await app.db.asUser(OWNER.id, (sql) => listSavedRecipes(sql));
    const frames = { "north.csv": meter([1, 2, -3, NaN, 5, 6, 7, 8]), "south.csv": meter([10, 0, 10, 10, NaN, NaN, NaN, 10]) };
    const sources = await Promise.all(Object.entries(frames).map(async ([name, frame]) => ({ name, frame, id: await importedDataset(frame, name) })));
    const runs = [];
    for (const one of sources) {
      const started = await startDerivation(OWNER, { name: `${one.name} (${saved.name})`, derivation: { kind: "recipe", sourceId: one.id, recipe: saved.recipe } });
      if (!started.ok) throw new Error(started.error);
      runs.push({ ...one, ...started });
    }
    for (const run of runs) {
      expect((await finished(run.jobId)).status).toBe("succeeded");
      const version = await app.db.asUser(OWNER.id, (sql) => findDataset(sql, run.datasetId));
      expect(version).toMatchObject({ name: `${run.name} (Meter hourly)`, parentId: run.id, derivation: { kind: "recipe", sourceId: run.id, recipe: cleaned } });
      const expected = applyRecipe(run.frame, cleaned).frame;
      const stored = arrowToFrame(await blobStore().get(datasetBlobKey(run.datasetId)));
      expect(Array.from(stored.time)).toEqual(Array.from(expected.time));
      expect(Array.from(stored.columns[0].values)).toEqual(Array.from(expected.columns[0].values));
      // Lineage both ways: the version's parent, and the version among the source's children.
      const lineage = await app.db.asUser(OWNER.id, (sql) => findLineage(sql, { id: run.id, parentId: null }));
      expect(lineage.children.map((child) => child.id)).toEqual([run.datasetId]);
      expect((await app.db.asUser(OWNER.id, (sql) => findLineage(sql, version!))).parent).toMatchObject({ id: run.id, name: run.name });
      expect(await app.db.asUser(STRANGER.id, (sql) => findLineage(sql, { id: run.id, parentId: null }))).toEqual({ parent: null, children: [] });
    }
    // North: -3 is removed, and its 45-minute hole is too long to fill; the trailing hourly sums
    // are (T0-1h, T0] empty, (T0, T0+1h] 1 + 2, (T0+1h, T0+2h] 5 + 6 + 7 + 8.
    const north = arrowToFrame(await blobStore().get(datasetBlobKey(runs[0].datasetId)));
    expect(Array.from(north.time)).toEqual([T0, T0 + 3_600_000, T0 + 7_200_000]);
    expect(Array.from(north.columns[0].values)).toEqual([NaN, 3, 26]);
  });
});
