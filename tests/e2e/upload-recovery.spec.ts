import { expect, test, type Page } from "@playwright/test";

const row = (page: Page, name: string) => page.locator(`tr[data-file-row="${name}"]`);

/** CSV bytes of their own per run: the specs share one server, and its uploads outlive a run. */
function uniqueCsv(lines: number): Buffer {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
  return Buffer.from(["time,value,run", ...Array.from({ length: lines }, (_, i) => `2024-01-01T${String(i % 24).padStart(2, "0")}:00:00Z,${i},${run}`)].join("\n"));
}

test("a failed upload can be removed from the page, and stays removed", async ({ page }, testInfo) => {
  const name = `uploads-spec-refused-${Date.now()}.csv`;
  await page.goto("/datasets");
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) });
  await expect(row(page, name)).toHaveAttribute("data-status", "failed");
  // After a reload the row is the server's alone: a refused file offers Remove, not Retry.
  await page.reload();
  await expect(row(page, name)).toHaveAttribute("data-status", "failed");
  await expect(row(page, name).getByRole("button", { name: "Retry" })).toHaveCount(0);
  await row(page, name).getByRole("button", { name: "Remove", exact: true }).click();
  await page.screenshot({ path: testInfo.outputPath("06-remove-confirm.png"), fullPage: true });
  await row(page, name).getByRole("button", { name: "Remove for good" }).click();
  await expect(row(page, name)).toHaveCount(0);
  await page.reload();
  await expect(row(page, name)).toHaveCount(0);
  const listed = (await (await page.request.get("/api/files")).json()) as { uploads: { filename: string }[] };
  expect(listed.uploads.some((upload) => upload.filename === name)).toBe(false);
});

test("a file added again after it was uploaded is recognised as that upload, not sent twice", async ({ page }, testInfo) => {
  const name = `uploads-spec-again-${Date.now()}.csv`;
  const buffer = uniqueCsv(5_000);
  let creations = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/uploads")) creations++;
  });
  await page.goto("/datasets");
  await expect(page.locator(".live-dot.on")).toBeVisible();
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: "text/csv", buffer });
  await expect(row(page, name)).toHaveAttribute("data-status", "ready", { timeout: 90_000 });

  await page.reload();
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: "text/csv", buffer });
  await expect(row(page, name)).toContainText("This file is uploaded already");
  await expect(row(page, name)).toHaveCount(1);
  await expect(row(page, name)).toHaveAttribute("data-status", "ready");
  await page.screenshot({ path: testInfo.outputPath("07-recognised.png"), fullPage: true });
  expect(creations).toBe(1);
  const listed = (await (await page.request.get("/api/files")).json()) as { uploads: { filename: string }[] };
  expect(listed.uploads.filter((upload) => upload.filename === name)).toHaveLength(1);
});
