import { expect, test, type Page } from "@playwright/test";
import { importSample } from "./support/datasets";
import { chooseSeries } from "./support/training";

const DATASET = "training-logger.csv";

test.use({ timezoneId: "Europe/Berlin", viewport: { width: 1280, height: 900 } });

const count = (page: Page, key: string) => page.locator(`[data-testid="sample-counts"] [data-count="${key}"] strong`);

test("create a training project from the German logger, configure it, see its samples and distributions, reload and find it kept", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await importSample(page, "building-logger-de.csv", DATASET);

  await page.goto("/training");
  await page.getByTestId("new-project-name").fill("Heat load day-ahead");
  await page.getByTestId("create-project").click();
  await page.waitForURL(/\/training\/[0-9a-f-]{36}$/);
  const projectUrl = page.url();
  await expect(page.getByTestId("project-name")).toHaveText("Heat load day-ahead");
  await expect(page.getByTestId("preview-message")).toContainText("Complete the settings to see the samples");
  await expect(page.getByTestId("inputs-table")).toContainText("Add at least one input series.");

  // Outdoor temperature and heat load over the last 2 h → heat load over the next 3 h.
  await page.getByTestId("add-inputs").click();
  await chooseSeries(page, "inputs-0", DATASET, "Außentemperatur", "-2", "0");
  await page.getByTestId("add-inputs").click();
  await chooseSeries(page, "inputs-1", DATASET, "Wärmeleistung", "-2", "0");
  await page.getByTestId("add-outputs").click();
  await chooseSeries(page, "outputs-0", DATASET, "Wärmeleistung", "0.25", "3");
  await page.getByTestId("steps-inputSteps").fill("9");
  await page.getByTestId("steps-outputSteps").fill("12");
  await page.getByTestId("steps-stepMinutes").fill("15");

  // A cleared field is named next to it, and the preview waits for it.
  await page.getByTestId("steps-outputSteps").fill("");
  await expect(page.getByTestId("steps-outputSteps").locator("xpath=..")).toContainText("Required.");
  await page.getByTestId("steps-outputSteps").fill("12");
  // A run trains the saved settings: Train waits while an edit is not saved yet.
  await expect(page.getByTestId("train")).toBeDisabled();

  await expect(page.getByTestId("save-state")).toHaveAttribute("data-status", "saved");
  await expect(page.getByTestId("train")).toBeEnabled();
  await expect(page.getByTestId("sample-preview")).toHaveAttribute("data-status", "ready");
  // 480 quarter-hours (the DST night has no 02:xx), windows of 2 h back and 3 h ahead.
  const candidates = Number((await count(page, "candidates").textContent())!.replace(/,/g, ""));
  const parts = await Promise.all(["train", "validation", "test", "skipped"].map(async (key) => Number((await count(page, key).textContent())!.replace(/,/g, ""))));
  expect(candidates).toBeGreaterThan(400);
  expect(parts[0] + parts[1] + parts[2] + parts[3]).toBe(candidates);
  expect(parts[0]).toBe(Math.round(0.7 * (candidates - parts[3])));

  // One box plot per input and output feature, drawn.
  const boxes = page.getByTestId("feature-box");
  await expect(boxes).toHaveCount(3);
  await expect(boxes.first().locator("svg rect").first()).toBeVisible();
  await expect(page.locator('[data-testid="feature-box"][data-feature="Außentemperatur"]')).toContainText("median");

  // Sample windows: both series of the chosen sample, with the input and output windows.
  await expect(page.getByTestId("sample-window")).toHaveCount(2);
  await page.getByTestId("example-choice").nth(2).click();
  await expect(page.getByTestId("example-choice").nth(2)).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator('[data-testid="sample-window"][data-series="Wärmeleistung"] svg circle').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("01-project.png"), fullPage: true });

  // Time features with German public holidays in Bavaria, and a small dense net.
  await page.getByLabel("Day phase").check();
  await page.getByTestId("holidays").check();
  await page.getByTestId("holiday-country").selectOption("DE");
  await page.getByLabel("State or region").selectOption("BY");
  await page.getByTestId("model-kind-to-add").selectOption("dense");
  await page.getByTestId("add-model").click();
  await page.getByTestId("model-2").getByLabel("Epochs").fill("5");
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-status", "saved");
  await expect(page.getByTestId("sample-preview")).toHaveAttribute("data-status", "ready");
  await expect(boxes).toHaveCount(6);
  await expect(page.locator('[data-testid="feature-box"][data-feature="h"]')).toBeVisible();

  // Reload: everything as it was saved.
  await page.goto(projectUrl);
  await expect(page.getByTestId("steps-inputSteps")).toHaveValue("9");
  await expect(page.getByTestId("steps-stepMinutes")).toHaveValue("15");
  await expect(page.getByTestId("outputs-0").getByLabel("From (h)")).toHaveValue("0.25");
  await expect(page.getByTestId("inputs-0").getByLabel("Column")).toHaveValue("Außentemperatur");
  await expect(page.getByLabel("Day phase")).toBeChecked();
  await expect(page.getByTestId("holiday-country")).toHaveValue("DE");
  await expect(page.getByLabel("State or region")).toHaveValue("BY");
  await expect(page.getByTestId("model-2").getByLabel("Epochs")).toHaveValue("5");
  await expect(page.getByTestId("sample-preview")).toHaveAttribute("data-status", "ready");
  await expect(count(page, "candidates")).toHaveText(candidates.toLocaleString("en-US"));
  await page.screenshot({ path: testInfo.outputPath("02-reloaded.png"), fullPage: true });

  // The list: rename, then delete.
  await page.goto("/training");
  const row = page.locator('tr[data-project-row="Heat load day-ahead"]');
  await expect(row).toContainText("2 inputs → 1 output");
  await row.getByRole("button", { name: "Rename" }).click();
  await row.getByRole("textbox").fill("Heat load, 3 h ahead");
  await row.getByRole("button", { name: "Save" }).click();
  const renamed = page.locator('tr[data-project-row="Heat load, 3 h ahead"]');
  await expect(renamed).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await renamed.getByRole("button", { name: "Delete" }).click();
  await expect(renamed).toHaveCount(0);
  expect((await page.goto(projectUrl))?.status()).toBe(404);
});
