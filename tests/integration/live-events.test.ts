import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadChannel, userChannel } from "@/lib/contracts/channels";
import { uploadEventSchema, type UploadView } from "@/lib/contracts/upload-view";
import { startAppServer, type AppServer } from "../support/app-server";
import { samplePath } from "../support/fixtures";

const LOCAL_USER_ID = "00000000-0000-4000-8000-000000000001";
const SAMPLE = samplePath("us-12h.csv");
const TUS = { "Tus-Resumable": "1.0.0" };

interface SseMessage {
  event: string;
  data: string;
}

/** Follows a Server-Sent Events stream, handing each message to `onMessage` until it returns true. */
async function follow(url: string, onMessage: (message: SseMessage) => boolean | Promise<boolean>, signal: AbortSignal): Promise<void> {
  const response = await fetch(url, { signal });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data !== undefined && (await onMessage({ event, data }))) return;
    }
  }
}

describe("live progress over Server-Sent Events (embedded mode)", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("announces readiness first, then the upload moving through uploading → processing → ready", async () => {
    const controller = new AbortController();
    const seen: UploadView["status"][] = [];
    let subscribed: () => void = () => {};
    const ready = new Promise<void>((resolve) => (subscribed = resolve));
    const following = follow(
      `${server.url}/api/events?channel=${userChannel(LOCAL_USER_ID)}`,
      (message) => {
        if (message.event === "ready") {
          subscribed();
          return false;
        }
        expect(message.event).toBe("upload");
        const { upload } = uploadEventSchema.parse(JSON.parse(message.data));
        if (seen.at(-1) !== upload.status) seen.push(upload.status);
        return upload.status === "ready" || upload.status === "failed";
      },
      controller.signal,
    );
    await ready;
    const bytes = await readFile(SAMPLE);
    const created = await fetch(`${server.url}/api/uploads`, {
      method: "POST",
      headers: { ...TUS, "Upload-Length": String(bytes.length), "Upload-Metadata": `filename ${Buffer.from("us-12h.csv").toString("base64")}` },
    });
    const url = new URL(created.headers.get("location")!, server.url).toString();
    await fetch(url, { method: "PATCH", headers: { ...TUS, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" }, body: Uint8Array.from(bytes) });
    await following;
    controller.abort();
    expect(seen[0]).toBe("uploading");
    expect(seen).toContain("processing");
    expect(seen.at(-1)).toBe("ready");
    expect(seen.indexOf("processing")).toBeLessThan(seen.indexOf("ready"));
  });

  it("refuses channels that are not the user's own", async () => {
    for (const channel of [userChannel("11111111-1111-4111-8111-111111111111"), uploadChannel("22222222-2222-4222-8222-222222222222"), "private-user-../../etc", ""]) {
      const response = await fetch(`${server.url}/api/events?channel=${encodeURIComponent(channel)}`);
      expect([400, 403]).toContain(response.status);
      expect((await response.json()).error).toBeTruthy();
    }
  });
});
