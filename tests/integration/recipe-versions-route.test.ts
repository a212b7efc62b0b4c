import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobDetailSchema, type JobDetail } from "@/lib/contracts/job-view";
import { rawPointsSchema } from "@/lib/contracts/raw-points";
import { applyRecipe } from "@/lib/process/apply-recipe";
import type { Recipe } from "@/lib/process/recipe";
import type { Frame } from "@/lib/series/frame";
import { frameOfRawPoints } from "@/lib/series/raw-points";
import { LOCAL_USER } from "@/server/auth/session-user";
import { startAppServer, type AppServer } from "../support/app-server";
import { eventually } from "../support/jobs";
import { seededDataDir, seedDataset } from "../support/seed-datasets";

const MINE = "44444444-4444-4444-8444-444444444444";
const THEIRS = "55555555-5555-4555-8555-555555555555";
const STRANGER = "66666666-6666-4666-8666-666666666666";
const T0 = Date.UTC(2024, 8, 1, 0, 0);
const MINUTE = 60_000;

/** An irregular sensor: 600 rows 1–3 min apart, spikes of 60, zeros, a stuck stretch and short gaps. */
function sensor(): Frame {
  const n = 600;
  const time = new Float64Array(n);
  const values = new Float64Array(n);
  let t = T0;
  for (let i = 0; i < n; i++) {
    time[i] = t;
    t += (1 + (i % 3)) * MINUTE;
    values[i] = 20 + Math.sin(i / 30) * 3;
    if (i % 97 === 7) values[i] = 60;
    if (i % 131 === 11) values[i] = 0;
    if (i % 53 === 20) values[i] = NaN;
    if (i >= 300 && i < 330) values[i] = 22;
  }
  return { time, columns: [{ name: "temperature", unit: "°C", values }] };
}

/**
 * Recipe versions over HTTP against the running app (embedded mode, its own worker threads):
 * the raw points the preview works on, a recipe run into a version with lineage, and bad
 * recipes refused with the path of the invalid field and nothing queued or written.
 */
describe("recipe versions against the running app", () => {
  let server: AppServer;
  let dataDir: string;
  const data = sensor();

  beforeAll(async () => {
    dataDir = await seededDataDir("versions", async (db, blobs) => {
      for (const [id, ownerId] of [[MINE, LOCAL_USER.id], [THEIRS, STRANGER]]) await seedDataset(db, blobs, { id, ownerId, name: "sensor.csv", frame: data });
    });
    server = await startAppServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = (route: string) => fetch(`${server.url}${route}`);
  const post = (route: string, body: unknown) => fetch(`${server.url}${route}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
  const datasetIds = async () => ((await (await get("/api/datasets")).json()) as { datasets: { id: string; parentId: string | null }[] }).datasets;
  const datasetFiles = async () => readdir(path.join(dataDir, "files", "datasets"));

  const finished = (jobId: string): Promise<JobDetail> =>
    eventually(async () => {
      const job = jobDetailSchema.parse(await (await get(`/api/jobs/${jobId}`)).json());
      return job.status !== "queued" && job.status !== "running" && job;
    }, `job ${jobId} did not finish`);

  it("gives the raw rows of a range for the preview, and only the count when the range holds more than the limit", async () => {
    const from = data.time[100];
    const to = data.time[199];
    const points = rawPointsSchema.parse(await (await get(`/api/datasets/${MINE}/points?from=${from}&to=${to}`)).json());
    expect(points.rowsInRange).toBe(100);
    const frame = frameOfRawPoints(points)!;
    expect(Array.from(frame.time)).toEqual(Array.from(data.time.slice(100, 200)));
    expect(Array.from(frame.columns[0].values)).toEqual(Array.from(data.columns[0].values.slice(100, 200)));
    expect(points.columns[0].unit).toBe("°C");

    const tooMany = rawPointsSchema.parse(await (await get(`/api/datasets/${MINE}/points?limit=50`)).json());
    expect(tooMany).toMatchObject({ rowsInRange: 600, limit: 50, time: null });
    expect((await get(`/api/datasets/${MINE}/points?limit=1000000`)).status).toBe(400);
    expect((await get(`/api/datasets/${THEIRS}/points`)).status).toBe(404);
  });

  it("refuses a bad recipe with the path of the invalid field; nothing is queued or written", async () => {
    const before = await datasetIds();
    const files = await datasetFiles();
    const cases: [unknown, string][] = [
      [{ name: "v2", recipe: { version: 1, steps: [{ op: "limits", max: 40 }, { op: "fillGaps", maxGapMinutes: -5 }] } }, "recipe.steps[1].maxGapMinutes: expected a positive number"],
      [{ name: "v2", recipe: { version: 1, steps: [{ op: "outliers", method: "hampel" }] } }, "recipe.steps[0].windowMinutes: required for method hampel: expected a positive number"],
      [{ name: "v2", recipe: { version: 1, steps: [{ op: "resample", stepMinutes: 15, method: "mean", window: "sideways" }] } }, "recipe.steps[0].window: expected one of centered, trailing, leading"],
      [{ name: "v2", recipe: { version: 2, steps: [] } }, "recipe.version: expected 1 (the only recipe version)"],
      [{ name: "", recipe: { version: 1, steps: [] } }, "name: give the new dataset a name"],
      [{ name: "v2", recipe: { version: 1, steps: [{ op: "smooth" }] } }, "recipe.steps[0].op: expected op to be one of"],
    ];
    for (const [body, message] of cases) {
      const response = await post(`/api/datasets/${MINE}/versions`, body);
      expect(response.status, message).toBe(400);
      expect(((await response.json()) as { error: string }).error.startsWith(message), message).toBe(true);
    }
    const notJson = await post(`/api/datasets/${MINE}/versions`, "{not json");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "The body is not JSON." });
    expect((await post(`/api/datasets/${THEIRS}/versions`, { name: "stolen", recipe: { version: 1, steps: [] } })).status).toBe(404);
    expect(await datasetIds()).toEqual(before);
    expect(await datasetFiles()).toEqual(files);
  });

  it("runs a recipe into a new version: the pure core's result, its lineage, and a failure naming the step when a column is unknown", async () => {
    const recipe: Recipe = {
      version: 1,
      steps: [
        { op: "flatline", minutes: 30 },
        { op: "limits", min: 0, max: 40 },
        { op: "dropZeros" },
        { op: "fillGaps", maxGapMinutes: 20 },
        { op: "limits", min: 0, max: 40 },
      ],
    };
    const response = await post(`/api/datasets/${MINE}/versions`, { name: "sensor.csv (cleaned)", recipe });
    expect(response.status).toBe(202);
    const { datasetId, jobId } = (await response.json()) as { datasetId: string; jobId: string };
    const job = await finished(jobId);
    expect(job).toMatchObject({ status: "succeeded", datasetId });
    const version = (await datasetIds()).find((one) => one.id === datasetId);
    expect(version).toMatchObject({ parentId: MINE });
    const expected = applyRecipe(data, recipe);
    expect(expected.steps.map((step) => step.removed).reduce((a, b) => a + b)).toBeGreaterThan(10);
    const stored = frameOfRawPoints(rawPointsSchema.parse(await (await get(`/api/datasets/${datasetId}/points`)).json()))!;
    expect(Array.from(stored.time)).toEqual(Array.from(expected.frame.time));
    expect(Array.from(stored.columns[0].values)).toEqual(Array.from(expected.frame.columns[0].values));

    const unknown = await post(`/api/datasets/${MINE}/versions`, { name: "bad column", recipe: { version: 1, steps: [{ op: "dropZeros" }, { op: "limits", max: 1, columns: ["humidity"] }] } });
    expect(unknown.status).toBe(202);
    const failed = await finished(((await unknown.json()) as { jobId: string }).jobId);
    expect(failed.status).toBe("failed");
    expect(failed.message).toMatch(/^steps\[1\]\.columns\[0\]: no column 'humidity'/);
    expect((await datasetIds()).map((one) => one.id).sort()).toEqual([MINE, datasetId].sort());
  });
});
