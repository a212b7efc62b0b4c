import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type CDPSession, type Page } from "@playwright/test";
import { SAMPLES_DIR } from "../support/fixtures";

// Names of their own: the specs share one server, and others upload these samples too.
const COPIES = mkdtempSync(path.join(tmpdir(), "chronoframe-uploads-spec-"));
const SLOW_NAME = "uploads-spec-sensor-irregular.csv";
const FAST_NAME = "uploads-spec-meter-15min.csv";
const SLOW = path.join(COPIES, SLOW_NAME);
const FAST = path.join(COPIES, FAST_NAME);
copyFileSync(path.join(SAMPLES_DIR, "sensor-irregular.csv"), SLOW);
copyFileSync(path.join(SAMPLES_DIR, "meter-15min.csv"), FAST);

const row = (page: Page, name: string) => page.locator(`tr[data-file-row="${name}"]`);

/** Upload bandwidth of the page (-1: unlimited), as a slow office line: slow enough to pause mid-file. */
async function throttleUploads(cdp: CDPSession, bytesPerSecond: number): Promise<void> {
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
}

test("two files at once: pause, resume, reload mid-upload, both reach ready live", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const patchOffsets: number[] = [];
  const uploadUrls = new Map<string, string>();
  page.on("request", (request) => {
    if (request.method() === "PATCH" && request.url().includes("/api/uploads/")) patchOffsets.push(Number(request.headers()["upload-offset"]));
  });
  page.on("response", (response) => {
    const request = response.request();
    if (request.method() !== "POST" || !request.url().endsWith("/api/uploads")) return;
    const encodedName = /filename ([^,]+)/.exec(request.headers()["upload-metadata"] ?? "")?.[1] ?? "";
    uploadUrls.set(Buffer.from(encodedName, "base64").toString(), new URL(response.headers()["location"], request.url()).toString());
  });
  /** What the server has stored of the large file, asked outside the throttled page. */
  const storedOfSlow = async () => {
    const url = uploadUrls.get(SLOW_NAME);
    if (!url) return 0;
    const response = await page.request.head(url, { headers: { "Tus-Resumable": "1.0.0" } });
    return Number(response.headers()["upload-offset"] ?? 0);
  };

  await page.goto("/datasets");
  await expect(page.getByRole("heading", { name: "Datasets", level: 1 })).toBeVisible();
  await expect(page.locator(".live-dot.on")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("01-empty.png"), fullPage: true });

  const cdp = await page.context().newCDPSession(page);
  await throttleUploads(cdp, 8_000);
  await page.getByTestId("file-input").setInputFiles([SLOW, FAST]);
  await expect(row(page, SLOW_NAME)).toHaveAttribute("data-status", "uploading");

  // Pause the large file once the server holds part of it; the small one goes on alone.
  await expect.poll(storedOfSlow, { message: "the server holds part of the file" }).toBeGreaterThan(0);
  await row(page, SLOW_NAME).getByRole("button", { name: "Pause" }).click();
  await expect(row(page, SLOW_NAME)).toHaveAttribute("data-status", "paused");
  await page.screenshot({ path: testInfo.outputPath("02-paused.png"), fullPage: true });

  // The small file finishes and is checked by the background job, live.
  await expect(row(page, FAST_NAME)).toHaveAttribute("data-status", "ready", { timeout: 90_000 });
  await expect(row(page, FAST_NAME)).toContainText("delimiter");

  // Resume on a slower line: the upload continues from the stored offset, not from zero.
  await throttleUploads(cdp, 2_000);
  await row(page, SLOW_NAME).getByRole("button", { name: "Resume" }).click();
  await expect(row(page, SLOW_NAME)).toHaveAttribute("data-status", "uploading");
  await expect.poll(() => patchOffsets.filter((offset) => offset > 0).length, { message: "resume continues from the stored offset" }).toBeGreaterThan(0);

  // Reload while it is still uploading: it shows as interrupted, not lost.
  await page.reload();
  await expect(row(page, SLOW_NAME)).toHaveAttribute("data-status", "paused");
  await expect(row(page, SLOW_NAME)).toContainText(/Interrupted at [1-9]\d*%/);
  await page.screenshot({ path: testInfo.outputPath("03-after-reload.png"), fullPage: true });

  // Adding the same file again resumes it where it stopped.
  await throttleUploads(cdp, -1);
  const offsetsBefore = patchOffsets.length;
  await page.getByTestId("file-input").setInputFiles([SLOW]);
  await expect.poll(() => patchOffsets.length).toBeGreaterThan(offsetsBefore);
  expect(patchOffsets[offsetsBefore]).toBeGreaterThan(0);
  await expect(row(page, SLOW_NAME)).toHaveAttribute("data-status", "ready", { timeout: 90_000 });
  await expect(row(page, FAST_NAME)).toHaveAttribute("data-status", "ready");
  // One row per file: the resumed upload did not start a second one (other suites share this server).
  await expect(row(page, SLOW_NAME)).toHaveCount(1);
  await expect(row(page, FAST_NAME)).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("04-both-ready.png"), fullPage: true });
});

test("a file that is not CSV/TXT is refused with a readable reason", async ({ page }, testInfo) => {
  await page.goto("/datasets");
  await page.getByTestId("file-input").setInputFiles({ name: "photo.csv", mimeType: "text/csv", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) });
  await expect(row(page, "photo.csv")).toHaveAttribute("data-status", "failed");
  await expect(row(page, "photo.csv")).toContainText("not a text file");
  await page.screenshot({ path: testInfo.outputPath("05-refused.png"), fullPage: true });
});
