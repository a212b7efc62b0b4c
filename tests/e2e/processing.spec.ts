import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { sampleFields, sampleNumber, type SampleName } from "../support/fixtures";
import { importFile, importSample } from "./support/datasets";

/** The sensor's and the meter's values, read plainly from the files (NaN where a cell is empty). */
const SENSOR_VALUES = sampleFields("sensor-irregular.csv").map(([, value]) => sampleNumber(value));
const METER_VALUES = sampleFields("meter-15min.csv").map(([, value]) => sampleNumber(value));
/** The hourly sum of the four quarter hours from row `first` on, as the German Excel export writes it. */
const meterHourSum = (first: number) => String(METER_VALUES.slice(first, first + 4).reduce((sum, value) => sum + value)).replace(".", ",");

// A German user: the Excel download is written in Berlin time.
test.use({ timezoneId: "Europe/Berlin", viewport: { width: 1360, height: 1000 } });

/** Uploads and imports a sample (under its own name or `file`) with the detected choices, and opens its dataset page. */
async function openSample(page: Page, sample: SampleName, file: string = sample): Promise<void> {
  await (await importSample(page, sample, file)).getByTestId("open-dataset").click();
  await expect(page.getByTestId("dataset-name")).toHaveText(file);
}

/** Drags across the middle fifth of the chart's plot. */
async function zoomIn(page: Page, scope: Locator): Promise<void> {
  const drag = scope.getByTestId("chart-drag");
  await drag.scrollIntoViewIfNeeded();
  const box = (await drag.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

test("clean sensor-irregular.csv like the original: preview, run, and the new version with its lineage", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await openSample(page, "sensor-irregular.csv", "process-sensor.csv");
  await page.getByTestId("open-process").click();
  await expect(page.getByRole("heading", { name: "Process “process-sensor.csv”" })).toBeVisible();

  // The original's form: eqMax 30, limits 0…40, zeros off, gaps up to 20 min.
  await page.getByTestId("original-fold").locator("summary").click();
  await page.getByTestId("original-eqMax").fill("30");
  await page.getByTestId("original-elMax").fill("40");
  await page.getByTestId("original-elMin").fill("0");
  await page.getByTestId("original-gapMax").fill("20");
  await page.getByTestId("original-removeZeros").check();
  // chgMax without lgMax is refused until both are set or neither.
  await page.getByTestId("original-chgMax").fill("2");
  await expect(page.getByTestId("original-load")).toBeDisabled();
  await page.getByTestId("original-chgMax").fill("");
  await page.getByTestId("original-load").click();
  const steps = page.getByTestId("recipe-step");
  await expect(steps).toHaveCount(5);
  await expect(steps.nth(0)).toHaveAttribute("data-op", "flatline");
  await expect(steps.nth(3)).toHaveAttribute("data-op", "fillGaps");
  await expect(page.getByTestId("recipe-json")).toContainText('"maxGapMinutes": 20');

  // The preview: per step counts on the 3000 rows, removed and filled points marked on the chart.
  const preview = page.getByTestId("recipe-preview");
  const counts = page.getByTestId("preview-counts");
  await expect(counts.getByTestId("preview-count-row")).toHaveCount(5);
  await expect(counts.getByTestId("preview-count-row").nth(1)).toContainText("Limits");
  await expect(preview).toContainText("3,000 rows in view");
  await expect(preview.locator('[data-marker="removed"]').first()).toBeAttached();
  await expect(preview.locator('[data-marker="filled"]').first()).toBeAttached();
  const limitsRemoved = Number(await counts.getByTestId("preview-count-row").nth(1).locator("td").nth(2).innerText());
  expect(limitsRemoved).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath("01-preview.png"), fullPage: true });

  // An invalid field is named next to it, and the recipe cannot run until it is fixed.
  await steps.nth(3).getByTestId("field-steps[3].maxGapMinutes").fill("-5");
  await expect(page.getByTestId("issue-steps[3].maxGapMinutes")).toHaveText("expected a positive number");
  await expect(page.getByTestId("run-recipe")).toBeDisabled();
  await steps.nth(3).getByTestId("field-steps[3].maxGapMinutes").fill("20");
  await expect(page.getByTestId("issue-steps[3].maxGapMinutes")).toHaveCount(0);

  // Zoomed in, the preview works on the rows in view.
  await zoomIn(page, preview);
  await expect(page.getByTestId("preview-reset-zoom")).toBeEnabled();
  await expect(preview).not.toContainText("3,000 rows in view");

  await page.getByTestId("run-name").fill("sensor cleaned");
  await page.getByTestId("run-recipe").click();
  const run = page.getByTestId("derivation-run");
  await expect(run.getByTestId("job-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  await page.screenshot({ path: testInfo.outputPath("02-run.png"), fullPage: true });
  await run.getByTestId("open-version").click();

  // The new version: its parent, its recipe with what each step did, and the comparison.
  await expect(page.getByTestId("dataset-name")).toHaveText("sensor cleaned");
  const lineage = page.getByTestId("lineage");
  await expect(lineage.getByTestId("lineage-parent")).toContainText("Made from process-sensor.csv");
  await expect(lineage.getByTestId("lineage-steps").locator("li")).toHaveCount(5);
  await expect(lineage.getByTestId("lineage-steps").locator("li").nth(1)).toContainText(`Limits: Min 0 · Max 40 (${limitsRemoved} removed, 0 filled)`);
  await page.getByTestId("compare-versions").check();
  await expect(page.getByTestId("compare-legend")).toContainText("process-sensor.csv");
  // Limits 0…40 take out the spikes and zeros go: the highest value kept is the file's highest within the limits.
  const keptMax = Math.max(...SENSOR_VALUES.filter((value) => value > 0 && value <= 40));
  await expect(page.getByTestId("column-stats")).toContainText(String(keptMax));
  await page.screenshot({ path: testInfo.outputPath("03-version.png"), fullPage: true });

  // The parent lists the version among its children.
  await lineage.getByRole("link", { name: "process-sensor.csv" }).click();
  await expect(page.getByTestId("dataset-name")).toHaveText("process-sensor.csv");
  await expect(page.getByTestId("lineage-children")).toContainText("sensor cleaned");
});

test("resample meter-15min.csv into hourly sums with a trailing window, save the recipe, and download the version for German Excel", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await openSample(page, "meter-15min.csv", "meter-next-week.csv");
  await openSample(page, "meter-15min.csv", "process-meter.csv");
  await page.getByTestId("open-process").click();

  // A pasted recipe is checked like a typed one: the invalid field is named next to it.
  await page.getByTestId("json-fold").locator("summary").click();
  await page.getByTestId("paste-json").fill('{"version": 1, "steps": [{"op": "fillGaps", "maxGapMinutes": 0}]}');
  await page.getByTestId("load-json").click();
  await expect(page.getByTestId("issue-steps[0].maxGapMinutes")).toHaveText("expected a positive number");
  await page.getByTestId("step-remove").click();
  await expect(page.getByTestId("recipe-step")).toHaveCount(0);

  await page.getByTestId("add-step-op").selectOption("resample");
  await page.getByTestId("add-step").click();
  await page.getByTestId("field-steps[0].stepMinutes").fill("60");
  await page.getByTestId("field-steps[0].method").selectOption("sum");
  await page.getByTestId("field-steps[0].window").selectOption("trailing");
  await expect(page.getByTestId("recipe-json")).toContainText('"window": "trailing"');
  // 663 quarter hours (interval ends 3 June 00:15 … 10 June 00:00 UTC) become 169 hours: the grid starts on the hour before the first reading.
  await expect(page.getByTestId("preview-count-row").first()).toContainText("663 → 169");

  await page.getByTestId("recipe-name").fill("Meter hourly");
  await page.getByTestId("recipe-save").click();
  await expect(page.getByTestId("recipe-notice")).toHaveText("Saved as “Meter hourly”.");

  await page.getByTestId("run-name").fill("meter hourly");
  await page.getByTestId("run-recipe").click();
  await expect(page.getByTestId("derivation-run").getByTestId("job-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  await page.getByTestId("open-version").click();
  await expect(page.getByTestId("dataset-name")).toHaveText("meter hourly");
  await expect(page.getByTestId("time-step")).toContainText("1 h");
  await expect(page.getByTestId("lineage-steps")).toContainText("Resample: Step (min) 60 · Method sum · Window trailing (rows 663 → 169)");
  await page.screenshot({ path: testInfo.outputPath("04-hourly.png"), fullPage: true });

  // Each hour is the sum of the four quarter hours ending at it, in Berlin time with decimal commas.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-excel-de").click()]);
  const text = await readFile((await download.path())!, "utf8");
  const lines = text.split("\r\n");
  expect(lines[0]).toBe("\uFEFFZeitstempel;energy_kwh");
  expect(lines[1]).toBe("03.06.2024 02:00:00;");
  expect(lines[2]).toBe(`03.06.2024 03:00:00;${meterHourSum(0)}`);
  expect(lines[3]).toBe(`03.06.2024 04:00:00;${meterHourSum(4)}`);
  expect(lines.filter((line) => line !== "").length).toBe(1 + 169);

  // The saved recipe is there when the editor opens again: load it and apply it to the other meter file.
  await page.goto("/datasets");
  await page.locator('[data-testid="dataset-list"] tr[data-dataset-row="process-meter.csv"] a').first().click();
  await page.getByTestId("open-process").click();
  await expect(page.getByTestId("recipe-select")).toContainText("Meter hourly (1 step)");
  await page.getByTestId("recipe-load").click();
  await expect(page.getByTestId("recipe-step")).toHaveCount(1);
  await expect(page.getByTestId("field-steps[0].window")).toHaveValue("trailing");
  await page.getByTestId("apply-datasets").getByLabel("meter-next-week.csv").check();
  await page.getByTestId("apply-many").click();
  const applied = page.locator('[data-testid="derivation-run"][data-name="meter-next-week.csv (Meter hourly)"]');
  await expect(applied.getByTestId("job-progress")).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  await page.screenshot({ path: testInfo.outputPath("05-applied.png"), fullPage: true });
  await applied.getByTestId("open-version").click();
  await expect(page.getByTestId("dataset-name")).toHaveText("meter-next-week.csv (Meter hourly)");
  await expect(page.getByTestId("lineage-parent")).toContainText("Made from meter-next-week.csv");
});

test("a range of more rows than the preview takes is drawn as an overview until the user zooms in", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  // 30 000 minutes of a logger with a stuck stretch every 1000 rows.
  const rows = Array.from({ length: 30_000 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString()},${i % 1000 < 40 ? 5 : (10 + Math.sin(i / 200) * 3).toFixed(3)}`);
  await (await importFile(page, "minutes.csv", Buffer.from(`time,value\n${rows.join("\n")}\n`))).getByTestId("open-dataset").click();
  await page.getByTestId("open-process").click();
  await page.getByTestId("add-step-op").selectOption("flatline");
  await page.getByTestId("add-step").click();
  await page.getByTestId("field-steps[0].minutes").fill("30");

  const preview = page.getByTestId("recipe-preview");
  await expect(page.getByTestId("preview-zoom-in")).toHaveText("30,000 rows in view: the preview works on up to 20,000. Drag across the chart to zoom in.");
  await expect(page.getByTestId("preview-counts")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("06-overview.png"), fullPage: true });
  await zoomIn(page, preview);
  await expect(page.getByTestId("preview-zoom-in")).toHaveCount(0);
  // The middle fifth holds 6000 rows, six stuck stretches of 40 minutes.
  await expect(page.getByTestId("preview-count-row").first()).toContainText("Flatlines");
  const removed = Number(await page.getByTestId("preview-count-row").first().locator("td").nth(2).innerText());
  expect(removed).toBeGreaterThanOrEqual(5 * 40);
  expect(removed).toBeLessThanOrEqual(7 * 40);
  await page.screenshot({ path: testInfo.outputPath("07-zoomed-preview.png"), fullPage: true });
});
