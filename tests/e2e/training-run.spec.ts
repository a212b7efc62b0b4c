import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { modelDocumentSchema } from "../../lib/train/model-document";
import { startAppServer, type AppServer } from "../support/app-server";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = path.resolve(ROOT, "..", "shared", "data", "samples", "building-logger-de.csv");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const run = promisify(execFile);

const config = (models: unknown[]) => ({
  version: 1,
  inputs: [
    { datasetId: "$dataset", column: "Außentemperatur", startHours: -2, endHours: 0 },
    { datasetId: "$dataset", column: "Wärmeleistung", startHours: -2, endHours: 0 },
  ],
  outputs: [{ datasetId: "$dataset", column: "Wärmeleistung", startHours: 0.25, endHours: 1 }],
  steps: { inputSteps: 9, outputSteps: 4, stepMinutes: 15 },
  timeFeatures: { day: true, holidays: { country: "DE" }, local: true, timezone: "Europe/Berlin" },
  models,
});

/**
 * Training runs in the browser. The app gets its own data folder with the German logger
 * export imported and two training projects whose runs are queued before it starts (the
 * project pages that start runs belong to the training-projects work); its job runner then
 * trains them in worker threads while the browser follows.
 */
let app: AppServer;
let dataDir: string;
let runs: { projectId: string; runId: string }[];

test.use({ timezoneId: "Europe/Berlin", viewport: { width: 1280, height: 900 } });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = await mkdtemp(path.join(tmpdir(), "chronoframe-training-e2e-"));
  const seedFile = path.join(dataDir, "seed.json");
  await writeFile(
    seedFile,
    JSON.stringify({
      dataDir,
      sample: SAMPLE,
      timezone: "Europe/Berlin",
      projects: [
        { name: "Heat load next hour", train: true, config: config([{ kind: "naive" }, { kind: "linear" }, { kind: "dense", layers: 2, units: 16, epochs: 40, batchSize: 16, patience: 5 }]) },
        { name: "Long training", train: true, config: config([{ kind: "dense", layers: 2, units: 64, epochs: 2000, patience: 2000 }]) },
      ],
    }),
  );
  const { stdout } = await run(TSX, ["--conditions=react-server", "tests/support/seed-training.ts", seedFile], { cwd: ROOT });
  runs = (JSON.parse(stdout) as { projects: { projectId: string; runId: string }[] }).projects;
  app = await startAppServer({ dataDir });
});

test.afterAll(async () => {
  await app?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test("a trained run: live progress, the leaderboard, forecast charts, model download and forecasts of a dataset", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const [{ projectId, runId }] = runs;
  await page.goto(`${app.url}/training/${projectId}/runs/${runId}`);
  await expect(page.getByTestId("run-title")).toHaveText("Training run of Heat load next hour");

  // While it trains: progress per model, then the leaderboard once the job has ended.
  const leaderboard = page.getByTestId("leaderboard");
  await expect(page.getByTestId("job-progress").or(leaderboard)).toBeVisible({ timeout: 60_000 });
  if (await page.getByTestId("job-progress").isVisible()) {
    await expect(page.getByTestId("job-progress")).toContainText(/Model \d of 3/);
    await page.screenshot({ path: testInfo.outputPath("01-training.png"), fullPage: true });
  }
  await expect(leaderboard).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId("run-status")).toHaveText("trained");

  // Every model ranked by test MSE, the baseline marked, the best highlighted.
  const rows = leaderboard.getByTestId("leaderboard-row");
  await expect(rows).toHaveCount(3);
  await expect(leaderboard.locator('tr[data-kind="naive"]')).toContainText("baseline");
  await expect(leaderboard.locator("tr[data-best]")).toHaveCount(1);
  await expect(leaderboard.locator("tr[data-best]")).toContainText("best");
  await expect(leaderboard.locator('tr[data-kind="dense"]')).toContainText("dense 2×16 relu, 40 epochs");
  const mse = async (kind: string) => Number(await leaderboard.locator(`tr[data-kind="${kind}"] td`).nth(3).innerText());
  expect(await mse("linear")).toBeLessThan(await mse("naive"));
  const ranks = await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute("data-kind")));
  expect(ranks.indexOf("linear")).toBeLessThan(ranks.indexOf("naive"));
  await page.getByTestId("leaderboard-view").selectOption({ label: "Test, output step 4" });
  await page.getByTestId("leaderboard-view").selectOption({ label: "Validation" });
  await page.getByTestId("leaderboard-view").selectOption({ label: "Test, steps averaged by 2" });

  // Forecast against measured values: one test sample, then one step over the test period.
  const chart = page.getByTestId("forecast-chart");
  await expect(chart.locator("svg path[fill='none']")).toHaveCount(2);
  await expect(chart).toContainText("Wärmeleistung forecast");
  await page.getByTestId("forecast-sample").fill("5");
  await expect(chart).toContainText("of 46");
  await page.screenshot({ path: testInfo.outputPath("02-leaderboard.png"), fullPage: true });
  await page.getByTestId("forecast-mode-step").check();
  await page.getByTestId("forecast-step").selectOption("4");
  await expect(chart).toContainText("Output step 4 of each of the 46 test samples");
  await expect(chart.locator("svg path[fill='none']")).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath("03-step.png"), fullPage: true });

  // The model document: what `predict --model` reads.
  const [download] = await Promise.all([page.waitForEvent("download"), leaderboard.locator('tr[data-kind="dense"]').getByTestId("download-model").click()]);
  expect(download.suggestedFilename()).toBe("model-3-dense.json");
  const modelFile = path.join(dataDir, "model.json");
  await download.saveAs(modelFile);
  const document = modelDocumentSchema.parse(JSON.parse(await readFile(modelFile, "utf8")));
  expect(document.model).toMatchObject({ kind: "dense", layers: 2, units: 16 });
  const out = path.join(dataDir, "forecast.csv");
  await run(TSX, ["--conditions=react-server", "server/cli/main.ts", "predict", "--model", modelFile, "--in", SAMPLE, "--out", out], { cwd: ROOT });
  expect((await readFile(out, "utf8")).split("\n")[0]).toBe("timestamp,Wärmeleistung+0.25h,Wärmeleistung+0.5h,Wärmeleistung+0.75h,Wärmeleistung+1h");

  // The test forecasts as CSV: forecast and measured value of each step, by reference time.
  const [csv] = await Promise.all([page.waitForEvent("download"), leaderboard.locator('tr[data-kind="linear"]').getByTestId("download-forecasts").click()]);
  expect(csv.suggestedFilename()).toBe("test-forecasts-2-linear.csv");
  const lines = (await readFile((await csv.path())!, "utf8")).trim().split("\n");
  expect(lines[0]).toBe("timestamp,Wärmeleistung+0.25h,Wärmeleistung+0.5h,Wärmeleistung+0.75h,Wärmeleistung+1h,Wärmeleistung+0.25h actual,Wärmeleistung+0.5h actual,Wärmeleistung+0.75h actual,Wärmeleistung+1h actual");
  expect(lines).toHaveLength(47);

  // Apply the best model to the dataset: a new dataset of forecasts, followed live, then opened.
  await page.getByTestId("apply-start").click();
  await expect(page.getByTestId("open-forecast-dataset")).toBeVisible({ timeout: 60_000 });
  await page.getByTestId("open-forecast-dataset").click();
  await expect(page.getByTestId("dataset-name")).toContainText("building-logger-de.csv – forecast");
  await expect(page.getByTestId("column-stats")).toContainText("Wärmeleistung+1h");
});

test("cancelling a run in the browser ends it as cancelled, with nothing kept", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const [, { projectId, runId }] = runs;
  await page.goto(`${app.url}/training/${projectId}/runs/${runId}`);
  const progress = page.getByTestId("job-progress");
  await expect(progress).toHaveAttribute("data-status", "running", { timeout: 120_000 });
  await expect(progress).toContainText(/epoch \d+\/2000/, { timeout: 60_000 });
  await progress.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("run-message")).toHaveText("The training was cancelled; no model of it was kept.", { timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveText("cancelled");
  await page.screenshot({ path: testInfo.outputPath("04-cancelled.png"), fullPage: true });

  // Train again from the run page: a new run of the project's settings opens, and is cancelled too.
  await page.getByTestId("train").click();
  await page.waitForURL((url) => url.pathname.startsWith(`/training/${projectId}/runs/`) && !url.pathname.endsWith(runId));
  await expect(page.getByTestId("train")).toBeDisabled();
  await expect(progress).toHaveAttribute("data-status", "running", { timeout: 60_000 });
  await progress.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("run-status")).toHaveText("cancelled", { timeout: 30_000 });
  await expect(page.getByTestId("train")).toBeEnabled();
  // Nothing of another user's, and nothing of a malformed id.
  expect((await page.request.get(`${app.url}/api/trained-models/00000000-0000-4000-8000-00000000abcd/model`)).status()).toBe(404);
  expect((await page.goto(`${app.url}/training/${projectId}/runs/not-a-uuid`))?.status()).toBe(404);
});
