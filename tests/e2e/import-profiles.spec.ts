import { expect, test, type Page } from "@playwright/test";
import { uploadFile } from "./support/datasets";

const HEADER = "Zeitstempel;Außentemperatur;Wärmeleistung\n;°C;kW\n";
/** A German logger export whose days are all ≤ 12: on its own, its date order is a guess. */
function loggerExport(day: (i: number) => string): Buffer {
  const rows = Array.from({ length: 12 }, (_, i) => `${day(i)}.04.2024 10:00:00;${i},5;3${i},25`).join("\n");
  return Buffer.from(`${HEADER}${rows}\n`);
}

async function openWizard(page: Page, name: string, content: Buffer): Promise<void> {
  const row = await uploadFile(page, name, content);
  await row.getByTestId("review-import").click();
  await expect(page.getByTestId("parsed-preview")).toBeVisible();
}

test("import choices saved as a profile read the next file of the same logger the same way", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await openWizard(page, "logger-monday.csv", loggerExport((i) => String(i + 1).padStart(2, "0")));
  // Settle the guess (day first), the zone, and save it all as a profile.
  await page.getByTestId("time-format").fill("%d.%m.%Y %H:%M:%S");
  await page.getByTestId("timezone").fill("Europe/Berlin");
  await expect(page.getByTestId("parsed-preview").locator("tbody tr").first()).toContainText("0.5");
  await page.getByTestId("profile-name").fill("Building logger, Berlin");
  await page.getByTestId("profile-save").click();
  await expect(page.getByTestId("profile-notice")).toContainText("Saved as “Building logger, Berlin”");
  await page.screenshot({ path: testInfo.outputPath("06-profile-saved.png"), fullPage: true });

  // The next export of the same logger: choose the profile and every choice follows.
  await openWizard(page, "logger-tuesday.csv", loggerExport((i) => String(12 - i).padStart(2, "0")));
  await page.getByTestId("profile-select").selectOption({ label: "Building logger, Berlin" });
  await expect(page.getByTestId("profile-notice")).toContainText("Applied");
  await expect(page.getByTestId("time-format")).toHaveValue("%d.%m.%Y %H:%M:%S");
  await expect(page.getByTestId("timezone")).toHaveValue("Europe/Berlin");
  await expect(page.getByTestId("delimiter")).toHaveValue(";");
  await expect(page.getByTestId("decimal")).toHaveValue(",");
  await expect(page.getByTestId("quote")).toHaveValue('"');
  await expect(page.getByTestId("units-row")).toBeChecked();
  await expect(page.getByTestId("ambiguity")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("07-profile-applied.png"), fullPage: true });

  // Profiles survive a reload of the page.
  await page.reload();
  await expect(page.getByTestId("profile-select").locator("option", { hasText: "Building logger, Berlin" })).toHaveCount(1);
});
