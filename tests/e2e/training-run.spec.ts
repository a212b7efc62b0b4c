import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { modelDocumentSchema } from "../../lib/train/model-document";
import { samplePath } from "../support/fixtures";
import { importSample } from "./support/datasets";
import { chooseSeries } from "./support/training";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = samplePath("building-logger-de.csv");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const DATASET = "training-run-logger.csv";
const run = promisify(execFile);

test.use({ timezoneId: "Europe/Berlin", viewport: { width: 1280, height: 900 } });
// The second test cancels a run of the project the first one made.
test.describe.configure({ mode: "serial" });

let projectUrl: string;

test("train linear and a small dense net on the German logger: live progress, leaderboard, forecast charts, downloads, forecasts of a dataset", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await importSample(page, "building-logger-de.csv", DATASET);

  // A project: outdoor temperature and heat load over the last 2 h → heat load over the next hour.
  await page.goto("/training");
  await page.getByTestId("new-project-name").fill("Heat load next hour");
  await page.getByTestId("create-project").click();
  await page.waitForURL(/\/training\/[0-9a-f-]{36}$/);
  projectUrl = page.url();
  await page.getByTestId("add-inputs").click();
  await chooseSeries(page, "inputs-0", DATASET, "Außentemperatur", "-2", "0");
  await page.getByTestId("add-inputs").click();
  await chooseSeries(page, "inputs-1", DATASET, "Wärmeleistung", "-2", "0");
  await page.getByTestId("add-outputs").click();
  await chooseSeries(page, "outputs-0", DATASET, "Wärmeleistung", "0.25", "1");
  await page.getByTestId("steps-inputSteps").fill("9");
  await page.getByTestId("steps-outputSteps").fill("4");
  await page.getByTestId("steps-stepMinutes").fill("15");
  // New projects come with the naive baseline and a linear model; add a small dense net.
  await page.getByTestId("model-kind-to-add").selectOption("dense");
  await page.getByTestId("add-model").click();
  const dense = page.getByTestId("model-2");
  await dense.getByLabel("Layers").fill("2");
  await dense.getByLabel("Units").fill("16");
  await dense.getByLabel("Epochs").fill("30");
  await dense.getByLabel("Batch size").fill("16");
  // All 30 epochs, so that the run is seen while it trains.
  await dense.getByLabel("Early-stopping patience").fill("30");
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-status", "saved");

  // Train: the run follows live, model by model, then shows its leaderboard.
  const runs = page.getByTestId("training-runs");
  await expect(runs).toContainText("No run yet");
  await runs.getByTestId("train").click();
  await expect(runs.getByTestId("job-progress")).toBeVisible({ timeout: 30_000 });
  await expect(runs.getByTestId("train")).toBeDisabled();
  await expect(runs.getByTestId("job-progress")).toContainText(/Model 3 of 3: dense 2×16 relu, 30 epochs · epoch \d+\/30 · loss /, { timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath("01-training.png"), fullPage: true });
  const leaderboard = runs.getByTestId("leaderboard");
  await expect(leaderboard).toBeVisible({ timeout: 180_000 });
  await expect(runs.getByTestId("run-status")).toHaveText("trained");

  // Every model ranked by test MSE, the baseline marked, the best highlighted.
  const rows = leaderboard.getByTestId("leaderboard-row");
  await expect(rows).toHaveCount(3);
  await expect(leaderboard.locator('tr[data-kind="naive"]')).toContainText("baseline");
  await expect(leaderboard.locator("tr[data-best]")).toHaveCount(1);
  await expect(leaderboard.locator("tr[data-best]")).toContainText("best");
  await expect(leaderboard.locator('tr[data-kind="dense"]')).toContainText("dense 2×16 relu, 30 epochs");
  const mse = async (kind: string) => Number(await leaderboard.locator(`tr[data-kind="${kind}"] td`).nth(3).innerText());
  expect(await mse("linear")).toBeLessThan(await mse("naive"));
  const order = await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute("data-kind")));
  expect(order.indexOf("linear")).toBeLessThan(order.indexOf("naive"));
  for (const view of ["Validation", "Test, scaled values", "Test, output step 4", "Test, steps averaged by 2"]) {
    await runs.getByTestId("leaderboard-view").selectOption({ label: view });
    await expect(leaderboard.locator('tr[data-kind="linear"] td').nth(3)).not.toHaveText("–");
  }

  // Forecast against measured values: one test sample, then one step over the test period.
  const chart = runs.getByTestId("forecast-chart");
  await expect(chart.locator("svg path[fill='none']")).toHaveCount(2);
  await expect(chart).toContainText("Wärmeleistung forecast");
  await chart.getByTestId("forecast-sample").fill("5");
  await expect(chart).toContainText("of 46");
  await page.screenshot({ path: testInfo.outputPath("02-leaderboard.png"), fullPage: true });
  await chart.getByTestId("forecast-mode-step").check();
  await chart.getByTestId("forecast-step").selectOption("4");
  await expect(chart).toContainText("Output step 4 of each of the 46 test samples");
  await expect(chart.locator("svg path[fill='none']")).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath("03-step.png"), fullPage: true });

  // The model document is what `npm run cli -- predict --model` reads.
  const work = await mkdtemp(path.join(tmpdir(), "chronoframe-model-"));
  try {
    const [download] = await Promise.all([page.waitForEvent("download"), leaderboard.locator('tr[data-kind="dense"]').getByTestId("download-model").click()]);
    expect(download.suggestedFilename()).toBe("model-3-dense.json");
    const modelFile = path.join(work, "model.json");
    await download.saveAs(modelFile);
    expect(modelDocumentSchema.parse(JSON.parse(await readFile(modelFile, "utf8"))).model).toMatchObject({ kind: "dense", layers: 2, units: 16 });
    const out = path.join(work, "forecast.csv");
    await run(TSX, ["--conditions=react-server", "server/cli/main.ts", "predict", "--model", modelFile, "--in", SAMPLE, "--out", out], { cwd: ROOT });
    expect((await readFile(out, "utf8")).split("\n")[0]).toBe("timestamp,Wärmeleistung+0.25h,Wärmeleistung+0.5h,Wärmeleistung+0.75h,Wärmeleistung+1h");
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  // The test forecasts as CSV: forecast and measured value of each step, by reference time.
  const [csv] = await Promise.all([page.waitForEvent("download"), leaderboard.locator('tr[data-kind="linear"]').getByTestId("download-forecasts").click()]);
  expect(csv.suggestedFilename()).toBe("test-forecasts-2-linear.csv");
  const lines = (await readFile((await csv.path())!, "utf8")).trim().split("\n");
  expect(lines[0]).toBe("timestamp,Wärmeleistung+0.25h,Wärmeleistung+0.5h,Wärmeleistung+0.75h,Wärmeleistung+1h,Wärmeleistung+0.25h actual,Wärmeleistung+0.5h actual,Wärmeleistung+0.75h actual,Wärmeleistung+1h actual");
  expect(lines).toHaveLength(47);

  // The run has its own page with the same leaderboard.
  await runs.getByTestId("open-run").click();
  await expect(page.getByTestId("run-title")).toHaveText("Training run of Heat load next hour");
  await expect(page.getByTestId("leaderboard").getByTestId("leaderboard-row")).toHaveCount(3);

  // Apply the best model to the dataset: a new dataset of forecasts, followed live, then opened.
  await page.getByTestId("apply-dataset").selectOption({ label: DATASET });
  await page.getByTestId("apply-start").click();
  await expect(page.getByTestId("open-forecast-dataset")).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath("04-applied.png"), fullPage: true });
  await page.getByTestId("open-forecast-dataset").click();
  await expect(page.getByTestId("dataset-name")).toContainText(`${DATASET} – forecast`);
  await expect(page.getByTestId("column-stats")).toContainText("Wärmeleistung+1h");
});

test("a long training is cancelled from the project page: nothing kept, the earlier run still listed", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(projectUrl);
  const dense = page.getByTestId("model-2");
  await dense.getByLabel("Epochs").fill("2000");
  await dense.getByLabel("Early-stopping patience").fill("2000");
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-status", "saved");
  const runs = page.getByTestId("training-runs");
  await runs.getByTestId("train").click();
  const progress = runs.getByTestId("job-progress");
  await expect(progress).toContainText(/epoch \d+\/2000/, { timeout: 90_000 });
  await progress.getByRole("button", { name: "Cancel" }).click();
  await expect(runs.getByTestId("run-message")).toHaveText("The training was cancelled; no model of it was kept.", { timeout: 30_000 });
  await expect(runs.getByTestId("run-status").first()).toHaveText("cancelled");
  await expect(runs.getByTestId("earlier-runs")).toContainText("trained");
  await page.screenshot({ path: testInfo.outputPath("05-cancelled.png"), fullPage: true });

  // Settings that do not make a valid config are named when training starts.
  await page.getByTestId("steps-stepMinutes").fill("0");
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-status", "saved");
  await runs.getByTestId("train").click();
  await expect(runs.getByTestId("train-error")).toContainText("Complete the settings first: steps.stepMinutes:");

  // Nothing of a malformed or unknown id.
  expect((await page.request.get("/api/trained-models/00000000-0000-4000-8000-00000000abcd/model")).status()).toBe(404);
  expect((await page.goto(`${projectUrl}/runs/not-a-uuid`))?.status()).toBe(404);
});
