import { createHash, randomBytes } from "node:crypto";
import { appendFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadListSchema, type UploadView } from "@/lib/contracts/upload-view";
import { startAppServer, type AppServer } from "../support/app-server";
import { SAMPLES_DIR } from "../support/fixtures";

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const TUS = { "Tus-Resumable": "1.0.0" };
const encode = (text: string) => Buffer.from(text).toString("base64");

async function create(server: AppServer, size: number, filename = "export.csv"): Promise<Response> {
  return fetch(`${server.url}/api/uploads`, {
    method: "POST",
    headers: { ...TUS, "Upload-Length": String(size), "Upload-Metadata": `filename ${encode(filename)}` },
  });
}

async function createUpload(server: AppServer, size: number, filename?: string): Promise<string> {
  const response = await create(server, size, filename);
  expect(response.status).toBe(201);
  const location = response.headers.get("location");
  expect(location).toMatch(/\/api\/uploads\/[0-9a-f-]{36}$/);
  return new URL(location!, server.url).toString();
}

function patch(url: string, offset: number, body: Uint8Array, contentType = "application/offset+octet-stream"): Promise<Response> {
  return fetch(url, { method: "PATCH", headers: { ...TUS, "Upload-Offset": String(offset), "Content-Type": contentType }, body: Uint8Array.from(body) });
}

async function offsetOf(url: string): Promise<number> {
  const response = await fetch(url, { method: "HEAD", headers: TUS });
  expect(response.status).toBe(200);
  return Number(response.headers.get("upload-offset"));
}

async function uploadsOf(server: AppServer): Promise<UploadView[]> {
  const response = await fetch(`${server.url}/api/files`);
  expect(response.status).toBe(200);
  return uploadListSchema.parse(await response.json()).uploads;
}

async function waitForStatus(server: AppServer, id: string, statuses: string[], timeoutMs = 30_000): Promise<UploadView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const upload = (await uploadsOf(server)).find((candidate) => candidate.id === id);
    if (upload && statuses.includes(upload.status)) return upload;
    if (Date.now() > deadline) throw new Error(`upload ${id} is ${upload?.status}, expected ${statuses.join("/")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const idOf = (url: string) => url.split("/").pop()!;

/** CSV-looking bytes of a given size, so the content check accepts them. */
function csvBytes(size: number): Buffer {
  const line = "2024-01-01T00:00:00Z,12.5\n";
  return Buffer.from(line.repeat(Math.ceil(size / line.length)).slice(0, size));
}

describe("tus uploads against the running route (embedded mode)", () => {
  let server: AppServer;

  beforeAll(async () => {
    server = await startAppServer({ env: { MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("creates an upload, reports its offset with HEAD and completes it to a checked, ready file", async () => {
    const bytes = await readFile(path.join(SAMPLES_DIR, "building-logger-de.csv"));
    const url = await createUpload(server, bytes.length, "building-logger-de.csv");
    expect(await offsetOf(url)).toBe(0);
    const first = await patch(url, 0, bytes.subarray(0, 5000));
    expect(first.status).toBe(204);
    expect(first.headers.get("upload-offset")).toBe("5000");
    expect(await offsetOf(url)).toBe(5000);
    expect((await patch(url, 5000, bytes.subarray(5000))).status).toBe(204);
    const ready = await waitForStatus(server, idOf(url), ["ready", "failed"]);
    expect(ready.status).toBe("ready");
    expect(ready.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(ready.lineCount).toBe(bytes.toString("utf8").split("\n").filter((line, i, all) => i < all.length - 1 || line !== "").length);
    expect(ready.encoding).toBe("utf-8");
    expect(ready.delimiter).toBe(";");
    expect(ready.job).toMatchObject({ kind: "check-upload", status: "succeeded", progress: 1 });
  });

  it("answers a PATCH at the wrong offset with 409 and keeps the stored offset", async () => {
    const url = await createUpload(server, 1000);
    expect((await patch(url, 0, csvBytes(100))).status).toBe(204);
    expect((await patch(url, 50, csvBytes(100))).status).toBe(409);
    expect((await patch(url, 0, csvBytes(100))).status).toBe(409);
    expect(await offsetOf(url)).toBe(100);
  });

  it("answers a PATCH with the wrong content type with 415", async () => {
    const url = await createUpload(server, 1000);
    expect((await patch(url, 0, csvBytes(100), "text/csv")).status).toBe(415);
    expect(await offsetOf(url)).toBe(0);
  });

  it("refuses uploads over the size limit with 413, declared or written", async () => {
    const tooBig = await create(server, MAX_UPLOAD_BYTES + 1);
    expect(tooBig.status).toBe(413);
    const url = await createUpload(server, 1000);
    const overrun = await patch(url, 0, csvBytes(2000));
    expect(overrun.status).toBe(413);
    expect(await offsetOf(url)).toBeLessThanOrEqual(1000);
  });

  it("answers unknown and malformed ids with 404", async () => {
    for (const id of ["3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b", "not-an-id", "..%2F..%2Fetc%2Fpasswd"]) {
      const response = await fetch(`${server.url}/api/uploads/${id}`, { method: "HEAD", headers: TUS });
      expect(response.status).toBe(404);
    }
  });

  it("deletes an unfinished upload with 204; it is then gone and shown as cancelled", async () => {
    const url = await createUpload(server, 1000);
    expect((await patch(url, 0, csvBytes(300))).status).toBe(204);
    const deleted = await fetch(url, { method: "DELETE", headers: TUS });
    expect(deleted.status).toBe(204);
    expect((await fetch(url, { method: "HEAD", headers: TUS })).status).toBe(404);
    const listed = (await uploadsOf(server)).find((upload) => upload.id === idOf(url));
    expect(listed?.status).toBe("cancelled");
  });

  it("accepts only CSV/TXT: by file name at creation and by content in the first chunk", async () => {
    const wrongName = await create(server, 100, "report.xlsx");
    expect(wrongName.status).toBe(415);
    expect(await wrongName.text()).toMatch(/CSV and TXT/);
    const url = await createUpload(server, 1000, "disguised.csv");
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(996)]);
    const refused = await patch(url, 0, zip);
    expect(refused.status).toBe(415);
    expect(await refused.text()).toMatch(/not a text file/);
    const listed = (await uploadsOf(server)).find((upload) => upload.id === idOf(url));
    expect(listed?.status).toBe("failed");
    expect(listed?.message).toMatch(/ZIP|Excel/);
  });

  it("resumes an upload interrupted mid-request at the stored offset, with an identical checksum", async () => {
    const bytes = csvBytes(1_500_000);
    const url = await createUpload(server, bytes.length, "interrupted.csv");
    const controller = new AbortController();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        if (sent >= 600_000) {
          // Let the server store what arrived, then drop the connection like a network failure.
          await new Promise((resolve) => setTimeout(resolve, 300));
          controller.abort();
          return;
        }
        stream.enqueue(bytes.subarray(sent, sent + 100_000));
        sent += 100_000;
      },
    });
    await fetch(url, {
      method: "PATCH",
      headers: { ...TUS, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
      body,
      signal: controller.signal,
      duplex: "half",
    } as RequestInit).catch(() => undefined);
    let offset = 0;
    for (let attempt = 0; attempt < 50 && offset === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      offset = await offsetOf(url);
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(600_000);
    expect((await patch(url, offset, bytes.subarray(offset))).status).toBe(204);
    const ready = await waitForStatus(server, idOf(url), ["ready", "failed"]);
    expect(ready.status).toBe("ready");
    expect(ready.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
  });
});

describe("tus uploads across a server restart", () => {
  it("continues after the server is killed between chunks", async () => {
    const first = await startAppServer();
    const bytes = csvBytes(900_000);
    let url: string;
    try {
      url = await createUpload(first, bytes.length, "restart.csv");
      expect((await patch(url, 0, bytes.subarray(0, 400_000))).status).toBe(204);
    } finally {
      await first.kill();
    }
    const second = await startAppServer({ dataDir: first.dataDir });
    try {
      const resumedUrl = url.replace(first.url, second.url);
      expect(await offsetOf(resumedUrl)).toBe(400_000);
      expect((await patch(resumedUrl, 400_000, bytes.subarray(400_000))).status).toBe(204);
      const ready = await waitForStatus(second, idOf(resumedUrl), ["ready", "failed"]);
      expect(ready.status).toBe("ready");
      expect(ready.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    } finally {
      await second.kill();
      await first.stop();
    }
  });
});

describe("an upload whose last bytes were stored just before the server died", () => {
  it("is completed and checked at the next start, without any client asking", async () => {
    const first = await startAppServer();
    const bytes = csvBytes(700_000);
    let url: string;
    try {
      url = await createUpload(first, bytes.length, "stranded.csv");
      expect((await patch(url, 0, bytes.subarray(0, 300_000))).status).toBe(204);
    } finally {
      await first.kill();
    }
    // The rest reached the disk as tus writes it, and the process died before its completion
    // hook ran: the row says uploading, no check job exists, the stored file is whole.
    await appendFile(path.join(first.dataDir, "files", "uploads", idOf(url)), bytes.subarray(300_000));
    const second = await startAppServer({ dataDir: first.dataDir });
    try {
      const ready = await waitForStatus(second, idOf(url), ["ready", "failed"]);
      expect(ready.status).toBe("ready");
      expect(ready.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(ready.job).toMatchObject({ kind: "check-upload", status: "succeeded", attempt: 1 });
      // A client that then resumes finds it complete, and asking again queues no second check.
      const resumedUrl = url.replace(first.url, second.url);
      expect(await offsetOf(resumedUrl)).toBe(bytes.length);
      expect((await uploadsOf(second)).find((upload) => upload.id === idOf(url))?.job?.id).toBe(ready.job!.id);
    } finally {
      await second.kill();
      await first.stop();
    }
  });
});

describe("expiry of unfinished uploads", () => {
  it("answers 410 for an upload past its expiry", async () => {
    // Long enough that a loaded machine still writes the first chunk in time, short enough to wait out.
    const server = await startAppServer({ env: { UPLOAD_EXPIRY_MINUTES: "0.1" } });
    try {
      const url = await createUpload(server, 1000);
      expect((await patch(url, 0, csvBytes(100))).status).toBe(204);
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      expect((await fetch(url, { method: "HEAD", headers: TUS })).status).toBe(410);
      expect((await patch(url, 100, csvBytes(100))).status).toBe(410);
    } finally {
      await server.stop();
    }
  });
});

describe("a store that cannot create the file", () => {
  it("answers 500 without internals and leaves no upload row behind", async () => {
    const server = await startAppServer();
    const uploadsDir = path.join(server.dataDir, "files", "uploads");
    try {
      // A plain file where the upload folder should be: every file creation fails.
      await rm(uploadsDir, { recursive: true, force: true });
      await writeFile(uploadsDir, "not a folder");
      const response = await create(server, 100, "broken.csv");
      expect(response.status).toBe(500);
      expect(await response.text()).toBe("The upload could not be stored. Try again.\n");
      expect((await uploadsOf(server)).filter((upload) => upload.filename === "broken.csv")).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
