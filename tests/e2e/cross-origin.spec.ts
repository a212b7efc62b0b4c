import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { importFile } from "./support/datasets";

/** A page of another origin (another port of this machine) that tries to frame the app, read its API and write to it. */
function otherSite(app: string, datasetId: string): Promise<{ server: Server; url: string }> {
  const html = `<!doctype html><title>elsewhere</title>
<iframe id="app" src="${app}/datasets" width="800" height="400"></iframe>
<script>
  window.attempts = (async () => {
    const read = await fetch("${app}/api/datasets").then(() => "read", () => "blocked");
    await fetch("${app}/api/datasets/${datasetId}/versions", {
      method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" },
      body: JSON.stringify({ name: "forged", recipe: { version: 1, steps: [{ op: "limits", min: 0 }] } }),
    }).catch(() => {});
    return { read };
  })();
</script>`;
  return new Promise((resolve) => {
    const server = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end(html));
    server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }));
  });
}

test("a page of another origin can neither frame the app, nor read its API, nor write to it", async ({ page, baseURL }) => {
  const content = Buffer.from(["time,value", ...Array.from({ length: 30 }, (_, i) => `2024-01-01 00:${String(i).padStart(2, "0")}:00,${i}`)].join("\n"));
  const row = await importFile(page, "cross-origin.csv", content);
  const datasetId = (await row.getByTestId("open-dataset").getAttribute("href"))!.split("/").pop()!;
  const countDatasets = async () => ((await (await page.request.get("/api/datasets")).json()) as { datasets: unknown[] }).datasets.length;
  const before = await countDatasets();

  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") violations.push(message.text());
  });
  const elsewhere = await otherSite(baseURL!, datasetId);
  try {
    await page.goto(elsewhere.url);
    const attempts = await page.evaluate(() => (window as unknown as { attempts: Promise<{ read: string }> }).attempts);
    expect(attempts.read).toBe("blocked");
    await expect.poll(() => violations.some((text) => text.includes("frame-ancestors"))).toBe(true);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    expect(framed?.url()).not.toBe(`${baseURL}/datasets`);
    await expect(page.frameLocator("#app").getByRole("heading", { name: "Datasets" })).toHaveCount(0);
  } finally {
    elsewhere.server.close();
  }
  expect(await countDatasets()).toBe(before);
});

test("the app's own pages run under their policy without a violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  for (const route of ["/datasets", "/analyses/align", "/analyses/regression", "/training"]) {
    await page.goto(route);
    await expect(page.locator("main")).toBeVisible();
  }
  await page.goto("/datasets");
  await expect(page.locator(".live-dot.on")).toBeVisible();
  expect(violations).toEqual([]);
});
