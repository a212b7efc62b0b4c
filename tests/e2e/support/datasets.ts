import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page } from "@playwright/test";
import { samplePath, type SampleName } from "../../support/fixtures";

/** Uploads `content` as `name` on the datasets page and waits until the upload is checked; returns its row. */
export async function uploadFile(page: Page, name: string, content: Buffer): Promise<Locator> {
  await page.goto("/datasets");
  await expect(page.locator(".live-dot.on")).toBeVisible();
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: "text/csv", buffer: content });
  const row = page.locator(`tr[data-file-row="${name}"]`);
  await expect(row).toHaveAttribute("data-status", "ready", { timeout: 90_000 });
  return row;
}

/** Uploads `content` as `name` and imports it with what detection finds; returns the row, its dataset link shown. */
export async function importFile(page: Page, name: string, content: Buffer): Promise<Locator> {
  const row = await uploadFile(page, name, content);
  await row.getByRole("button", { name: "Import" }).click();
  await expect(row.getByTestId("open-dataset")).toBeVisible({ timeout: 90_000 });
  return row;
}

/** Imports a sample file of tests/fixtures, under a name of its own when given (suites share one server). */
export async function importSample(page: Page, sample: SampleName, name: string = sample): Promise<Locator> {
  return importFile(page, name, await readFile(samplePath(sample)));
}
