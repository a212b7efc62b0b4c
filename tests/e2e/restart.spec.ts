import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { freePort } from "../support/app-server";
import { groupGone, npmStart, type NpmStart } from "../support/npm-start";

// The reported sequence, on a server of this spec's own (the shared one must not restart): a tab
// open on /datasets with its event stream, an upload running, the server stopped with SIGTERM and
// started again on the same folder.
const DATA_DIR = mkdtempSync(path.join(tmpdir(), "chronoframe-e2e-restart-"));
const LARGE_NAME = "restart-spec-large.csv";

/** A generated logger export of `rows` lines at a quarter-hour step. */
function csv(rows: number, offset = 0): Buffer {
  const lines = ["time,temperature,humidity"];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) lines.push(`${new Date(start + i * 900_000).toISOString()},${(20 + 5 * Math.sin((i + offset) / 48)).toFixed(2)},${(50 + 10 * Math.cos(i / 96)).toFixed(1)}`);
  return Buffer.from(lines.join("\n") + "\n");
}

const row = (page: Page, name: string) => page.locator(`tr[data-file-row="${name}"]`);

let server: NpmStart | undefined;
test.afterAll(async () => {
  await server?.killGroup();
  rmSync(DATA_DIR, { recursive: true, force: true });
});

test("restarting the server under an open tab with an upload running keeps every dataset; the page and the upload recover", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const port = await freePort();
  server = await npmStart({ dataDir: DATA_DIR, port });
  const datasetsUrl = `${server.url}/datasets`;
  await page.goto(datasetsUrl);
  await expect(page.locator(".live-dot.on")).toBeVisible();

  // Two imported datasets.
  const imported = ["restart-spec-a.csv", "restart-spec-b.csv"];
  for (const [i, name] of imported.entries()) {
    await page.getByTestId("file-input").setInputFiles({ name, mimeType: "text/csv", buffer: csv(2000 + i * 500, i) });
    await expect(row(page, name)).toHaveAttribute("data-status", "ready", { timeout: 90_000 });
    await row(page, name).getByRole("button", { name: "Import" }).click();
    await expect(row(page, name).getByTestId("open-dataset")).toBeVisible({ timeout: 90_000 });
  }
  const list = page.getByTestId("dataset-list");
  for (const name of imported) await expect(list.locator(`tr[data-dataset-row="${name}"]`)).toBeVisible();
  const rowsBefore = await Promise.all(imported.map((name) => list.locator(`tr[data-dataset-row="${name}"] td.numeric`).first().textContent()));

  // A large upload on a slow line, part of it on the server.
  let uploadUrl = "";
  page.on("response", (response) => {
    if (response.request().method() === "POST" && response.url().endsWith("/api/uploads")) uploadUrl = new URL(response.headers()["location"], response.url()).toString();
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 100_000 });
  await page.getByTestId("file-input").setInputFiles({ name: LARGE_NAME, mimeType: "text/csv", buffer: csv(150_000) });
  const stored = async () => (uploadUrl ? Number((await page.request.head(uploadUrl, { headers: { "Tus-Resumable": "1.0.0" } })).headers()["upload-offset"] ?? 0) : 0);
  await expect.poll(stored, { message: "the server holds part of the file", timeout: 60_000 }).toBeGreaterThan(0);
  await expect(row(page, LARGE_NAME)).toHaveAttribute("data-status", "uploading");
  await page.screenshot({ path: testInfo.outputPath("01-uploading.png"), fullPage: true });

  // SIGTERM: the whole process tree is gone within seconds although the tab is open and uploading.
  const stopping = Date.now();
  server.child.kill("SIGTERM");
  expect((await server.exited).code).toBe(143);
  await groupGone(server, 10_000);
  expect(Date.now() - stopping).toBeLessThan(10_000);
  await expect(page.locator(".live-dot.on")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("02-server-down.png"), fullPage: true });

  // Started again on the same folder and port: the page reconnects by itself, the upload goes on.
  server = await npmStart({ dataDir: DATA_DIR, port });
  await expect(page.locator(".live-dot.on")).toBeVisible({ timeout: 60_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(row(page, LARGE_NAME)).toHaveAttribute("data-status", "ready", { timeout: 120_000 });
  await expect(row(page, LARGE_NAME)).toHaveCount(1);
  for (const [i, name] of imported.entries()) {
    await expect(list.locator(`tr[data-dataset-row="${name}"] td.numeric`).first()).toHaveText(rowsBefore[i] ?? "");
  }
  await page.screenshot({ path: testInfo.outputPath("03-recovered.png"), fullPage: true });

  // Every dataset opens as before.
  for (const name of imported) {
    await page.goto(datasetsUrl);
    await list.locator(`tr[data-dataset-row="${name}"] a`).click();
    await expect(page.getByTestId("dataset-name")).toHaveText(name);
    await expect(page.getByTestId("column-stats")).toContainText("temperature");
  }

  server.child.kill("SIGTERM");
  expect((await server.exited).code).toBe(143);
  server = undefined;
});
