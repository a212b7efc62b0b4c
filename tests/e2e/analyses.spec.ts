import { expect, test } from "@playwright/test";
import { sampleFields, sampleNumber } from "../support/fixtures";
import { referenceBand } from "../support/reference-band";
import { importSample } from "./support/datasets";

/** Heat load against outdoor temperature, read plainly from the logger file: the figures the page must show. */
const LOGGER = sampleFields("building-logger-de.csv");
const OUTDOOR = LOGGER.map((fields) => sampleNumber(fields[1]));
const HEAT = LOGGER.map((fields) => sampleNumber(fields[2]));
const LINEAR = referenceBand(OUTDOOR, HEAT, { kind: "linear" });
const QUADRATIC = referenceBand(OUTDOOR, HEAT, { kind: "quadratic", tolCnt: 2, tolDep: 0.05 });

test.use({ timezoneId: "Europe/Berlin", viewport: { width: 1280, height: 900 } });

test("align two samples onto one grid: the page says which series needs a method, then the result opens as a dataset", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await importSample(page, "meter-15min.csv", "align-meter.csv");
  await importSample(page, "sensor-irregular.csv", "align-sensor.csv");

  await page.goto("/analyses");
  await page.getByTestId("to-align").click();
  await expect(page).toHaveURL(/\/analyses\/align$/);
  await page.getByTestId("series-0-dataset").selectOption({ label: "align-meter.csv" });
  await page.getByTestId("series-1-dataset").selectOption({ label: "align-sensor.csv" });
  await page.getByTestId("target-step").fill("15");
  await page.getByTestId("target-offset").fill("0");

  // Detected from each dataset's analysis, before anything runs.
  await expect(page.getByTestId("series-0-step")).toHaveText("15 min");
  await expect(page.getByTestId("series-0-offset")).toHaveText("0 min");
  const required = page.getByTestId("methods-required");
  await expect(required).toContainText("Series 2: align-sensor.csv (column temperature) needs a method: its time step");
  await expect(required).toContainText("→ 15 min");
  await expect(required).not.toContainText("align-meter.csv");
  await expect(page.getByTestId("series-1-method")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("run-align")).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath("01-align-method-required.png"), fullPage: true });

  // A bad field is named before running.
  await page.getByTestId("target-step").fill("-5");
  await expect(page.getByTestId("spec-problem")).toContainText("stepMinutes: expected a positive number");
  await page.getByTestId("target-step").fill("15");

  await page.getByTestId("series-1-method").selectOption("mean");
  await expect(required).toHaveCount(0);
  await page.getByTestId("result-name").fill("Meter and sensor on 15 min");
  await page.getByTestId("run-align").click();
  const open = page.getByTestId("open-result");
  await expect(open).toBeVisible({ timeout: 90_000 });
  await page.screenshot({ path: testInfo.outputPath("02-align-done.png"), fullPage: true });

  await open.click();
  await expect(page.getByTestId("dataset-name")).toHaveText("Meter and sensor on 15 min");
  await expect(page.getByTestId("time-step")).toContainText("15 min");
  await expect(page.getByTestId("column-stats")).toContainText("energy_kwh");
  await expect(page.getByTestId("column-stats")).toContainText("temperature");
  await expect(page.getByTestId("series-chart").locator("svg path[fill='none']").first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("03-aligned-dataset.png"), fullPage: true });

  // A window in the user's zone (Berlin, UTC+2 in June): one day of the meter at 15 min, ends included.
  await page.goto("/analyses/align");
  await page.getByTestId("series-0-dataset").selectOption({ label: "align-meter.csv" });
  await page.getByTestId("series-1-dataset").selectOption({ label: "align-sensor.csv" });
  await page.getByTestId("series-1-method").selectOption("linear");
  await page.getByTestId("series-1-max-gap").fill("30");
  await page.getByTestId("target-start").fill("2024-06-04T12:00");
  await page.getByTestId("target-end").fill("2024-06-05T12:00");
  await page.getByTestId("result-name").fill("Meter, one day");
  await page.getByTestId("run-align").click();
  await page.getByTestId("open-result").click({ timeout: 90_000 });
  await expect(page.getByTestId("dataset-name")).toHaveText("Meter, one day");
  await expect(page.getByTestId("rows-table")).toContainText("of 97");
  await expect(page.getByTestId("rows-table").locator("tbody tr").first()).toContainText("12:00:00");

  // The hub lists what was made here.
  await page.goto("/analyses");
  const results = page.getByTestId("analysis-results");
  await expect(results).toContainText("Meter and sensor on 15 min");
  await expect(results).toContainText("Meter, one day");
});

test("regression band of heat load against outdoor temperature: scatter, equation, R², counts, then the inside points as a dataset", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await importSample(page, "building-logger-de.csv", "band-logger.csv");

  await page.goto("/analyses");
  await page.getByTestId("to-band").click();
  await expect(page).toHaveURL(/\/analyses\/regression$/);
  await page.getByTestId("band-x-dataset").selectOption({ label: "band-logger.csv" });
  await page.getByTestId("band-x-column").selectOption("Außentemperatur");
  await page.getByTestId("band-y-dataset").selectOption({ label: "band-logger.csv" });
  await page.getByTestId("band-y-column").selectOption("Wärmeleistung");
  await expect(page.getByTestId("band-tol-cnt")).toHaveAttribute("placeholder", "default: 10 % of the y range");
  await page.getByTestId("band-draw").click();

  // Least squares on the file's numbers; the default tolerance is 10 % of the heat load's range.
  await expect(page.getByTestId("band-equation")).toHaveText(LINEAR.equation, { timeout: 60_000 });
  await expect(page.getByTestId("band-r2")).toHaveText(LINEAR.r2.toFixed(4));
  await expect(page.getByTestId("band-inside")).toHaveText(String(LINEAR.inside));
  await expect(page.getByTestId("band-outside")).toHaveText(String(LINEAR.outside));
  await expect(page.getByTestId("band-tolerances")).toContainText(`±${LINEAR.tolCnt.toLocaleString("en-US", { maximumSignificantDigits: 6 })}`);
  await expect(page.getByTestId("band-drawn")).toHaveText(`all ${LOGGER.length} points drawn`);
  await expect(page.getByTestId("band-scatter").locator("canvas")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("04-band-linear.png"), fullPage: true });

  // Quadratic with a dependent band: the tolerances are used as set.
  await page.getByTestId("band-kind").selectOption("quadratic");
  await page.getByTestId("band-tolerance").selectOption("dependent");
  await page.getByTestId("band-tol-cnt").fill("2");
  await page.getByTestId("band-tol-dep").fill("0.05");
  await page.getByTestId("band-draw").click();
  await expect(page.getByTestId("band-equation")).toHaveText(QUADRATIC.equation, { timeout: 60_000 });
  await expect(page.getByTestId("band-inside")).toHaveText(String(QUADRATIC.inside));
  await expect(page.getByTestId("band-outside")).toHaveText(String(QUADRATIC.outside));
  await expect(page.getByTestId("band-tolerances")).toHaveText("±2 + 0.05·|p|");
  await page.screenshot({ path: testInfo.outputPath("05-band-quadratic.png"), fullPage: true });

  await page.getByTestId("band-export-name").fill("Heat load inside the band");
  await page.getByTestId("band-export").click();
  const open = page.getByTestId("open-export");
  await expect(open).toBeVisible({ timeout: 90_000 });
  await open.click();
  await expect(page.getByTestId("dataset-name")).toHaveText("Heat load inside the band");
  await expect(page.getByTestId("column-stats")).toContainText("Außentemperatur");
  await expect(page.getByTestId("column-stats")).toContainText("Wärmeleistung");
  await expect(page.getByTestId("rows-table")).toContainText(`of ${QUADRATIC.inside}`);
  await page.screenshot({ path: testInfo.outputPath("06-band-export.png"), fullPage: true });
});
