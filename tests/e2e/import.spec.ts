import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { sampleFields, sampleNumber, samplePath } from "../support/fixtures";
import { importSample, uploadFile } from "./support/datasets";

/** The logger's data rows as the file has them, and its first outdoor temperature as the English UI shows it. */
const LOGGER = sampleFields("building-logger-de.csv");
const FIRST_OUTDOOR = String(sampleNumber(LOGGER[0][1]));
/** A row as the German Excel export writes it: the local time as in the file, numbers with a decimal comma. */
const excelLine = ([stamp, ...cells]: string[]) => [stamp, ...cells.map((cell) => String(sampleNumber(cell)).replace(".", ","))].join(";");

// A German user: naive local times of the logger are Berlin time, shown back in Berlin time.
test.use({ timezoneId: "Europe/Berlin", viewport: { width: 1280, height: 900 } });

test("upload the German logger export, import it, explore the dataset and download it for Excel", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const open = (await importSample(page, "building-logger-de.csv")).getByTestId("open-dataset");
  await expect(page.locator('[data-testid="dataset-list"] tr[data-dataset-row="building-logger-de.csv"]')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("01-imported.png"), fullPage: true });
  // The upload's row still leads to its dataset after a reload.
  await page.reload();
  await expect(open).toBeVisible();

  await open.click();
  await expect(page.getByTestId("dataset-name")).toHaveText("building-logger-de.csv");
  await expect(page.getByTestId("time-step")).toContainText("15 min");
  await expect(page.getByTestId("import-report")).toContainText("480 of 480 rows imported");
  await expect(page.getByTestId("column-stats")).toContainText("Außentemperatur");
  await expect(page.getByTestId("column-stats")).toContainText("°C");
  // The chart draws a line per chosen column.
  const chart = page.getByTestId("series-chart");
  await expect(chart.locator("svg path[fill='none']").first()).toBeVisible();
  // The table's first row is the file's first line, in Berlin time.
  const table = page.getByTestId("rows-table");
  await expect(table).toContainText("Rows 1–50 of 480");
  await expect(table.locator("tbody tr").first()).toContainText("01:00:00");
  await expect(table.locator("tbody tr").first()).toContainText(FIRST_OUTDOOR);
  await page.screenshot({ path: testInfo.outputPath("02-dataset.png"), fullPage: true });

  // Next page of the table.
  await table.getByRole("button", { name: "Next" }).click();
  await expect(table).toContainText("Rows 51–100 of 480");

  // Drag across the chart: zoom into that range, then reset.
  const drag = page.getByTestId("chart-drag");
  await drag.scrollIntoViewIfNeeded();
  const box = (await drag.boundingBox())!;
  const seriesRequest = page.waitForRequest((request) => request.url().includes("/series?") && request.url().includes("from="));
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await seriesRequest;
  await expect(page.getByTestId("reset-zoom")).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath("03-zoomed.png"), fullPage: true });
  await page.getByTestId("reset-zoom").click();
  await expect(page.getByTestId("reset-zoom")).toBeDisabled();

  // The German Excel CSV: BOM, semicolons, decimal comma, Berlin time, the units row.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-excel-de").click()]);
  expect(download.suggestedFilename()).toBe("building-logger-de-excel-de.csv");
  const text = await readFile((await download.path())!, "utf8");
  expect(text.startsWith("\uFEFFZeitstempel;Außentemperatur;Wärmeleistung\r\n;°C;kW\r\n")).toBe(true);
  expect(text).toContain(`\r\n${excelLine(LOGGER[0])}\r\n`);
  // Across the spring change the local clock jumps from 01:45 to 03:00, as in the file.
  const beforeChange = LOGGER.findIndex(([stamp]) => stamp === "31.03.2024 01:45:00");
  expect(LOGGER[beforeChange + 1][0]).toBe("31.03.2024 03:00:00");
  expect(text).toContain(`\r\n${excelLine(LOGGER[beforeChange])}\r\n${excelLine(LOGGER[beforeChange + 1])}\r\n`);
});

test("another id or a malformed one is a 404, not an error", async ({ page }) => {
  expect((await page.goto("/datasets/00000000-0000-4000-8000-00000000abcd"))?.status()).toBe(404);
  expect((await page.goto("/datasets/not-a-uuid"))?.status()).toBe(404);
  const api = await page.request.get("/api/datasets/not-a-uuid/rows");
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ error: "Dataset not found." });
});

test("the import wizard shows what was detected beside raw and parsed rows, follows a change, and ends on the dataset", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const row = await uploadFile(page, "wizard-de.csv", await readFile(samplePath("building-logger-de.csv")));
  await row.getByTestId("review-import").click();

  await expect(page.getByTestId("delimiter")).toHaveValue(";");
  await expect(page.getByTestId("decimal")).toHaveValue(",");
  await expect(page.getByTestId("time-format")).toHaveValue("%d.%m.%Y %H:%M:%S");
  await expect(page.getByTestId("units-row")).toBeChecked();
  await expect(page.getByTestId("timezone")).toHaveValue("Europe/Berlin");
  await expect(page.getByTestId("zone-choice")).toHaveText("Times read in Europe/Berlin — DST pattern of Central European Time found (gap 2024-03-31 02:00–02:59)");
  await expect(page.getByTestId("raw-lines")).toContainText(LOGGER[0].join(";"));
  const parsed = page.getByTestId("parsed-preview");
  await expect(parsed.locator("tbody tr").first()).toContainText(FIRST_OUTDOOR);
  await page.screenshot({ path: testInfo.outputPath("04-wizard.png"), fullPage: true });

  // A wrong decimal mark shows at once in the preview.
  await page.getByTestId("decimal").selectOption(".");
  await expect(page.getByTestId("wizard-error")).toContainText("no value column holds numbers");
  await expect(page.getByTestId("wizard-import")).toBeDisabled();
  await page.getByTestId("decimal").selectOption(",");
  await expect(parsed.locator("tbody tr").first()).toContainText(FIRST_OUTDOOR);

  await page.getByTestId("wizard-import").click();
  await expect(page).toHaveURL(/\/datasets\/[0-9a-f-]{36}$/, { timeout: 90_000 });
  await expect(page.getByTestId("time-step")).toContainText("15 min");
  await expect(page.getByTestId("import-report").getByTestId("zone-choice")).toHaveText("Times read in Europe/Berlin — DST pattern of Central European Time found (gap 2024-03-31 02:00–02:59)");
});

test("the wizard says plainly when every date fits both orders, and the other reading is one click away", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const rows = Array.from({ length: 12 }, (_, i) => `${String(i + 1).padStart(2, "0")}/04/2024 10:00;${i},5`).join("\n");
  const row = await uploadFile(page, "ambiguous.csv", Buffer.from(`Datum;Wert\n${rows}\n`));
  await row.getByTestId("review-import").click();
  await expect(page.getByTestId("ambiguity")).toContainText("3rd of April or the 4th of March");
  await page.screenshot({ path: testInfo.outputPath("05-ambiguous.png"), fullPage: true });
  // The data decides before the browser's language: only day first gives daily steps (April 1st, 2nd, …).
  await expect(page.getByTestId("date-order-basis")).toContainText("decided by the data");
  const first = page.getByTestId("parsed-preview").locator("tbody tr").first();
  await expect(first).toContainText("04/01/2024");
  await page.getByTestId("ambiguity").getByRole("button", { name: "Read as %m/%d/%Y %H:%M" }).click();
  await expect(page.getByTestId("time-format")).toHaveValue("%m/%d/%Y %H:%M");
  // Chosen, it is no longer a guess: January 4th.
  await expect(page.getByTestId("ambiguity")).toHaveCount(0);
  await expect(first).toContainText("01/04/2024");
});

test("time metadata and the data's date-order decision are shown in the wizard and kept in the dataset's report", async ({ page }) => {
  test.setTimeout(180_000);
  // 37-minute steps over two days on a 12-hour clock, an epoch column equal to the time beside it.
  const start = Date.UTC(2024, 0, 2);
  const lines = Array.from({ length: 60 }, (_, i) => {
    const t = new Date(start + i * 37 * 60_000);
    const hour = t.getUTCHours() % 12 === 0 ? 12 : t.getUTCHours() % 12;
    const two = (n: number) => String(n).padStart(2, "0");
    const stamp = `${two(t.getUTCMonth() + 1)}/${two(t.getUTCDate())}/2024 ${hour}:${two(t.getUTCMinutes())}:00 ${t.getUTCHours() < 12 ? "AM" : "PM"}`;
    return `${t.getTime() / 1000},${stamp},${i}.5`;
  });
  const row = await uploadFile(page, "us-37min.csv", Buffer.from(`unix,date,P\n${lines.join("\n")}\n`));
  await row.getByTestId("review-import").click();
  await expect(page.getByTestId("time-format")).toHaveValue("%m/%d/%Y %I:%M:%S %p");
  await expect(page.getByTestId("date-order-basis")).toContainText("decided by the data");
  await expect(page.getByTestId("time-metadata")).toContainText("unix (epoch time)");
  await page.getByTestId("wizard-import").click();
  await expect(page).toHaveURL(/\/datasets\/[0-9a-f-]{36}$/, { timeout: 90_000 });
  await expect(page.getByTestId("report-time-metadata")).toContainText("unix (epoch time)");
  await expect(page.getByTestId("report-date-order")).toContainText("Dates read as %m/%d/%Y %I:%M:%S %p: day/month order decided by the data");
  await expect(page.getByTestId("time-step")).toContainText("37 min");
});
