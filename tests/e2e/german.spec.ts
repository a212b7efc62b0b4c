import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { sampleFields, sampleNumber, samplePath } from "../support/fixtures";

const SAMPLE = samplePath("building-logger-de.csv");
/** The file's first outdoor temperature, as a number. */
const FIRST_OUTDOOR = sampleNumber(sampleFields("building-logger-de.csv")[0][1]);
// Its own name: the specs share one server and data folder, and others upload this sample too.
const NAME = "gebaeude-messdaten.csv";

// A German browser: the UI follows Accept-Language until the user picks a language in the header.
test.use({ locale: "de-DE", timezoneId: "Europe/Berlin", viewport: { width: 1280, height: 900 } });

test("a German browser gets the German UI; the header switch changes to English and back, and the choice survives a reload", async ({ page, context }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto("/datasets");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Datensätze");
  await expect(page.getByRole("link", { name: "Analysen" })).toBeVisible();
  await expect(page.getByText("CSV- oder TXT-Dateien hierher ziehen")).toBeVisible();
  await expect(page.getByRole("group", { name: "Sprache" }).getByRole("button", { name: "DE" })).toHaveAttribute("aria-pressed", "true");

  await expect(page.locator(".live-dot.on")).toBeVisible();
  await page.getByTestId("file-input").setInputFiles({ name: NAME, mimeType: "text/csv", buffer: await readFile(SAMPLE) });
  const row = page.locator(`tr[data-file-row="${NAME}"]`);
  await expect(row).toHaveAttribute("data-status", "ready", { timeout: 90_000 });
  await expect(row).toContainText("bereit");
  await row.getByRole("button", { name: "Importieren" }).click();
  const open = row.getByTestId("open-dataset");
  await expect(open).toHaveText("Öffnen", { timeout: 90_000 });
  await expect(page.getByRole("heading", { name: "Ihre Datensätze" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("01-datasets-de.png"), fullPage: true });

  await open.click();
  await expect(page.getByTestId("dataset-name")).toHaveText(NAME);
  await expect(page.getByTestId("time-step")).toContainText("15 min");
  await expect(page.getByText("Zeitschritt", { exact: true })).toBeVisible();
  await expect(page.getByTestId("import-report")).toContainText("480 von 480 Zeilen importiert");
  const table = page.getByTestId("rows-table");
  await expect(table).toContainText("Zeilen 1–50 von 480");
  // Numbers follow the UI language: a decimal comma in German.
  await expect(table.locator("tbody tr").first()).toContainText(String(FIRST_OUTDOOR).replace(".", ","));
  await page.screenshot({ path: testInfo.outputPath("02-dataset-de.png"), fullPage: true });

  // To English: the page re-renders in English, numbers with a decimal point.
  const languages = page.getByRole("group", { name: "Sprache" });
  await languages.getByRole("button", { name: "EN" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("import-report")).toContainText("480 of 480 rows imported");
  await expect(table).toContainText("Rows 1–50 of 480");
  await expect(table.locator("tbody tr").first()).toContainText(String(FIRST_OUTDOOR));
  expect((await context.cookies()).find((cookie) => cookie.name === "chronoframe-locale")?.value).toBe("en");
  await page.screenshot({ path: testInfo.outputPath("03-dataset-en.png"), fullPage: true });

  // The choice beats the German browser, also after a reload and on other pages.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText("Time step", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Datasets", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Datasets");

  // And back to German.
  await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "DE" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Datensätze");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Datensätze");
  await expect(page.getByRole("group", { name: "Sprache" }).getByRole("button", { name: "DE" })).toHaveAttribute("aria-pressed", "true");
});
