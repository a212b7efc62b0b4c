import { createHash, createHmac } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import Pusher from "pusher";
import PusherClient from "pusher-js";
import * as tus from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadEventSchema, type UploadView } from "@/lib/contracts/upload-view";
import { migrate } from "@/server/db/migrate";
import { openPostgresDatabase } from "@/server/db/postgres-database";
import { startAppServer, type AppServer } from "../../support/app-server";
import { startFakePusher, type FakePusher } from "../../support/fake-pusher";
import { startFakeSupabaseAuth, type FakeSupabaseAuth, type FakeUser } from "../../support/fake-supabase-auth";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

/**
 * Live progress in cloud mode goes through Pusher: the app triggers events over Pusher's
 * signed REST API and signs private-channel subscriptions for their owners only. Pusher's
 * server is replaced by a local one that verifies every signature as Pusher documents it;
 * everything else (the production server, PostgreSQL, tus uploads, the job worker) is real.
 */

let auth: FakeSupabaseAuth;
let pusher: FakePusher;
let testDb: TestDatabase;
let app: AppServer;
let alice: FakeUser;
let bob: FakeUser;

const CSV = ["time,value", ...Array.from({ length: 500 }, (_, i) => `2024-01-01T${String(Math.floor(i / 60) % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00Z,${(i * 0.25).toFixed(2)}`)].join("\n") + "\n";

beforeAll(async () => {
  auth = await startFakeSupabaseAuth();
  alice = auth.addUser("alice@example.com", "alice's long password");
  bob = auth.addUser("bob@example.com", "bob's long password");
  pusher = await startFakePusher({ appId: "777", key: "test-key-123", secret: "test-secret-456" });
  testDb = await createTestDatabase();
  const db = openPostgresDatabase(testDb.url, { max: 1 });
  await migrate(db);
  await db.close();
  app = await startAppServer({
    env: {
      DATABASE_URL: testDb.url,
      SUPABASE_URL: auth.url,
      SUPABASE_ANON_KEY: auth.anonKey,
      CRON_SECRET: "cron",
      PUSHER_APP_ID: pusher.appId,
      PUSHER_KEY: pusher.key,
      PUSHER_SECRET: pusher.secret,
      PUSHER_CLUSTER: "eu",
      PUSHER_HOST: pusher.host,
      PUSHER_PORT: String(pusher.port),
      PUSHER_USE_TLS: "false",
      WORKER_THREADS: "1",
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await pusher?.close();
  await auth?.close();
  await testDb?.drop();
});

function upload(token: string, filename: string, content: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const task = new tus.Upload(Buffer.from(content), {
      endpoint: `${app.url}/api/uploads`,
      headers: { Authorization: `Bearer ${token}` },
      metadata: { filename },
      chunkSize: 4096,
      retryDelays: [],
      onError: reject,
      onSuccess: () => resolve(task.url!.split("/").at(-1)!),
    });
    task.start();
  });
}

async function channelAuth(token: string | null, form: Record<string, string>) {
  const response = await fetch(`${app.url}/api/pusher/auth`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Pusher's private-channel signature, computed here from the documented scheme. */
const expectedAuth = (socketId: string, channel: string) => `${pusher.key}:${createHmac("sha256", pusher.secret).update(`${socketId}:${channel}`).digest("hex")}`;

describe("the Pusher stand-in checks the protocol (so that passing means something)", () => {
  const client = (secret: string) => new Pusher({ appId: pusher.appId, key: pusher.key, secret, cluster: "eu", host: pusher.host, port: String(pusher.port), useTLS: false });

  it("accepts an event signed with the app secret and refuses one signed with another secret", async () => {
    const before = pusher.events.length;
    await client(pusher.secret).trigger("private-user-selftest", "ping", { n: 1 });
    expect(pusher.events.length).toBe(before + 1);
    expect(pusher.events.at(-1)).toMatchObject({ name: "ping", channels: ["private-user-selftest"], data: { n: 1 } });
    await expect(client("not-the-secret").trigger("private-user-selftest", "ping", { n: 2 })).rejects.toMatchObject({ status: 401 });
    expect(pusher.rejections.at(-1)).toMatchObject({ status: 401, reason: "invalid auth_signature" });
    expect(pusher.events.length).toBe(before + 1);
  });

  it("refuses a correctly signed request whose body was changed, a stale timestamp and data over 10 kB", async () => {
    const path = `/apps/${pusher.appId}/events`;
    const sign = (body: string, timestamp: number) => {
      const query: Record<string, string> = { auth_key: pusher.key, auth_timestamp: String(timestamp), auth_version: "1.0", body_md5: createHash("md5").update(body).digest("hex") };
      const ordered = Object.keys(query).sort().map((name) => `${name}=${query[name]}`).join("&");
      return `${ordered}&auth_signature=${createHmac("sha256", pusher.secret).update(`POST\n${path}\n${ordered}`).digest("hex")}`;
    };
    const post = (query: string, body: string) => fetch(`http://${pusher.host}:${pusher.port}${path}?${query}`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    const body = JSON.stringify({ name: "ping", channels: ["private-user-selftest"], data: "{}" });
    const now = Math.floor(Date.now() / 1000);
    expect((await post(sign(body, now), body)).status).toBe(200);
    expect((await post(sign(body, now), body.replace("ping", "pong"))).status).toBe(401);
    expect(pusher.rejections.at(-1)?.reason).toBe("body_md5 does not match the body");
    expect((await post(sign(body, now - 3600), body)).status).toBe(401);
    const big = JSON.stringify({ name: "ping", channels: ["private-user-selftest"], data: JSON.stringify({ x: "y".repeat(11 * 1024) }) });
    expect((await post(sign(big, now), big)).status).toBe(413);
  });
});

describe("uploading in cloud mode triggers signed Pusher events", () => {
  let uploadId: string;
  let checkJobId: string;

  it("carries the upload through processing to ready on private-upload-<id> and the owner's private-user channel", async () => {
    const rejectedBefore = pusher.rejections.length;
    uploadId = await upload(await auth.mintToken(alice), "readings.csv", CSV);
    const uploadChannel = `private-upload-${uploadId}`;
    const ready = await pusher.waitFor((event) => event.channels.includes(uploadChannel) && (event.data as { upload?: UploadView }).upload?.status === "ready", 60_000);

    // Every request the app sent was signed correctly (the stand-in refused none of them).
    expect(pusher.rejections.slice(rejectedBefore)).toEqual([]);
    for (const event of pusher.on(uploadChannel)) {
      expect(event.query).toMatchObject({ auth_key: pusher.key, auth_version: "1.0" });
      expect(event.name).toBe("upload");
      expect(uploadEventSchema.safeParse(event.data).success).toBe(true);
      expect(Buffer.byteLength(event.rawData)).toBeLessThan(10 * 1024);
    }

    const statuses = pusher.on(uploadChannel).map((event) => (event.data as { upload: UploadView }).upload.status);
    // "uploading" is published without waiting (tus goes on with the upload), so only its presence is certain.
    expect(statuses).toContain("uploading");
    expect(statuses).toContain("processing");
    expect(statuses.indexOf("processing")).toBeLessThan(statuses.indexOf("ready"));
    expect(statuses.at(-1)).toBe("ready");

    const view = (ready.data as { upload: UploadView }).upload;
    expect(view).toMatchObject({ id: uploadId, filename: "readings.csv", sizeBytes: Buffer.byteLength(CSV), lineCount: 501, delimiter: "," });
    expect(view.sha256).toBe(createHash("sha256").update(CSV).digest("hex"));

    // The owner's channel carries the same sequence (its trigger runs alongside); Bob's carries nothing of Alice's.
    await pusher.waitFor((event) => event.channels.includes(`private-user-${alice.id}`) && (event.data as { upload?: UploadView }).upload?.status === "ready", 10_000);
    const ownerStatuses = pusher.on(`private-user-${alice.id}`).filter((event) => (event.data as { upload: UploadView }).upload.id === uploadId);
    expect(ownerStatuses.map((event) => (event.data as { upload: UploadView }).upload.status).sort()).toEqual([...statuses].sort());
    expect(pusher.on(`private-user-${bob.id}`)).toEqual([]);
    expect(pusher.events.filter((event) => event.channels.some((channel) => channel.includes(bob.id)))).toEqual([]);

    // The row agrees with the last event (clients re-read it after a reconnect).
    const files = (await (await fetch(`${app.url}/api/files`, { headers: { Authorization: `Bearer ${await auth.mintToken(alice)}` } })).json()) as { uploads: UploadView[] };
    expect(files.uploads.find((entry) => entry.id === uploadId)?.status).toBe("ready");
    checkJobId = files.uploads.find((entry) => entry.id === uploadId)!.job!.id;
  });

  describe("the channel auth endpoint signs only the owner's channels", () => {
    const socketId = "123456.7890123";

    it("signs the owner's upload channel, job channel and own user channel with Pusher's HMAC scheme", async () => {
      const token = await auth.mintToken(alice);
      for (const channel of [`private-upload-${uploadId}`, `private-job-${checkJobId}`, `private-user-${alice.id}`]) {
        const answer = await channelAuth(token, { socket_id: socketId, channel_name: channel });
        expect(answer.status, channel).toBe(200);
        expect(answer.body.auth).toBe(expectedAuth(socketId, channel));
        // Bound to the socket: the same channel for another socket has another signature.
        expect(answer.body.auth).not.toBe(expectedAuth("1.1", channel));
      }
    });

    it("refuses another user's upload channel, job channel and user channel (403)", async () => {
      const bobToken = await auth.mintToken(bob);
      for (const channel of [`private-upload-${uploadId}`, `private-job-${checkJobId}`, `private-user-${alice.id}`]) {
        const answer = await channelAuth(bobToken, { socket_id: socketId, channel_name: channel });
        expect(answer.status, channel).toBe(403);
        expect(answer.body.auth).toBeUndefined();
      }
      // Bob's own user channel is fine.
      expect((await channelAuth(bobToken, { socket_id: socketId, channel_name: `private-user-${bob.id}` })).status).toBe(200);
    });

    it("refuses channels that are not ours to sign: unknown uploads, public and presence names (403)", async () => {
      const token = await auth.mintToken(alice);
      for (const channel of [
        "private-upload-00000000-0000-4000-8000-000000000000",
        `upload-${uploadId}`,
        `presence-upload-${uploadId}`,
        `private-encrypted-upload-${uploadId}`,
        `private-upload-${uploadId.toUpperCase()}`,
        `private-upload-${uploadId}-x`,
      ]) {
        expect((await channelAuth(token, { socket_id: socketId, channel_name: channel })).status, channel).toBe(403);
      }
    });

    it("answers 400 to malformed input, including a socket id that smuggles a second channel", async () => {
      const token = await auth.mintToken(alice);
      const forms: Record<string, string>[] = [
        {},
        { socket_id: socketId },
        { channel_name: `private-user-${alice.id}` },
        { socket_id: "abc", channel_name: `private-user-${alice.id}` },
        { socket_id: `1.2:private-user-${bob.id}`, channel_name: `private-user-${alice.id}` },
        { socket_id: "1.2\n", channel_name: `private-user-${alice.id}` },
        { socket_id: socketId, channel_name: "" },
        { socket_id: socketId, channel_name: "x".repeat(500) },
      ];
      for (const form of forms) {
        const answer = await channelAuth(token, form);
        expect(answer.status, JSON.stringify(form)).toBe(400);
        expect(answer.body.auth).toBeUndefined();
      }
    });

    it("answers 401 without a session", async () => {
      const answer = await channelAuth(null, { socket_id: socketId, channel_name: `private-upload-${uploadId}` });
      expect(answer.status).toBe(401);
      expect(answer.body.auth).toBeUndefined();
      expect((await channelAuth(await auth.expiredToken(alice), { socket_id: socketId, channel_name: `private-upload-${uploadId}` })).status).toBe(401);
    });
  });
});

describe("the WebSocket side: subscriptions signed by the app, events delivered to subscribers", () => {
  it("pusher-js (Node) subscribes to the owner's channels with the app's signature and receives the upload's events", async () => {
    const token = await auth.mintToken(alice);
    const client = new PusherClient(pusher.key, {
      cluster: "eu",
      wsHost: pusher.host,
      wsPort: pusher.port,
      forceTLS: false,
      enabledTransports: ["ws"],
      disableStats: true,
      channelAuthorization: {
        endpoint: `${app.url}/api/pusher/auth`,
        transport: "ajax",
        customHandler: ({ socketId, channelName }, callback) => {
          channelAuth(token, { socket_id: socketId, channel_name: channelName }).then(
            (answer) => (answer.status === 200 ? callback(null, answer.body as { auth: string }) : callback(new Error(`auth endpoint answered ${answer.status}`), null)),
            (error: Error) => callback(error, null),
          );
        },
      },
    });
    try {
      const received: UploadView[] = [];
      const own = client.subscribe(`private-user-${alice.id}`);
      own.bind("upload", (data: { upload: UploadView }) => received.push(data.upload));
      await new Promise<void>((resolve, reject) => {
        own.bind("pusher:subscription_succeeded", () => resolve());
        own.bind("pusher:subscription_error", (error: unknown) => reject(new Error(JSON.stringify(error))));
      });
      // Bob's channel: the app refuses to sign it, so the subscription never reaches the server.
      const foreign = client.subscribe(`private-user-${bob.id}`);
      const refused = await new Promise<unknown>((resolve) => foreign.bind("pusher:subscription_error", resolve));
      expect(JSON.stringify(refused)).toContain("403");

      const socketId = client.connection.socket_id;
      const accepted = pusher.subscriptions.filter((entry) => entry.socketId === socketId);
      expect(accepted).toEqual([{ socketId, channel: `private-user-${alice.id}`, auth: expectedAuth(socketId, `private-user-${alice.id}`), accepted: true, reason: "" }]);

      const id = await upload(token, "second.csv", CSV);
      await expect.poll(() => received.filter((view) => view.id === id).map((view) => view.status).at(-1), { timeout: 60_000 }).toBe("ready");
      expect(received.filter((view) => view.id === id).map((view) => view.status)).toContain("processing");
      expect(pusher.deliveries.filter((delivery) => delivery.socketId === socketId).every((delivery) => delivery.channel === `private-user-${alice.id}`)).toBe(true);
    } finally {
      client.disconnect();
    }
  });

  it("a subscription with a forged signature is refused by the stand-in (so acceptance above means a valid signature)", async () => {
    const client = new PusherClient(pusher.key, {
      cluster: "eu",
      wsHost: pusher.host,
      wsPort: pusher.port,
      forceTLS: false,
      enabledTransports: ["ws"],
      disableStats: true,
      channelAuthorization: {
        endpoint: "unused",
        transport: "ajax",
        // Signed for some other socket: valid shape, wrong bytes.
        customHandler: ({ channelName }, callback) => callback(null, { auth: expectedAuth("1.1", channelName) }),
      },
    });
    try {
      client.subscribe(`private-user-${alice.id}`);
      await expect.poll(() => pusher.subscriptions.find((entry) => entry.socketId === client.connection.socket_id), { timeout: 10_000 }).toBeTruthy();
      expect(pusher.subscriptions.find((entry) => entry.socketId === client.connection.socket_id)).toMatchObject({ accepted: false, reason: expect.stringContaining("Invalid signature") });
    } finally {
      client.disconnect();
    }
  });

  describe("in Chromium: the Datasets page follows the upload live over Pusher", () => {
    let browser: Browser | undefined;
    afterAll(async () => {
      await browser?.close();
    });

    it("signs in through the form, uploads a file and sees it reach ready through a Pusher event", async () => {
      browser = await chromium.launch({
        executablePath: "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      });
      const page = await browser.newPage();
      const subscribed = pusher.subscriptions.length;
      await page.goto(`${app.url}/datasets`);
      expect(new URL(page.url()).pathname).toBe("/sign-in");
      await page.fill('input[name="email"]', alice.email);
      await page.fill('input[name="password"]', "alice's long password");
      await page.click('button[type="submit"]');
      await page.waitForURL(`${app.url}/datasets`);
      // The page hands the browser Pusher's key and host, never the secret.
      const html = await (await page.request.get(`${app.url}/datasets`)).text();
      expect(html).toContain(pusher.key);
      expect(html).not.toContain(pusher.secret);
      const cookies = await page.context().cookies();
      expect(cookies.map((cookie) => cookie.name)).toContain("sb-127-auth-token");

      await expect.poll(() => pusher.subscriptions.slice(subscribed).find((entry) => entry.channel === `private-user-${alice.id}` && entry.accepted), { timeout: 15_000 }).toBeTruthy();
      const socketId = pusher.subscriptions.slice(subscribed).find((entry) => entry.channel === `private-user-${alice.id}`)!.socketId;

      const file = path.join(app.dataDir, "browser-upload.csv");
      await writeFile(file, CSV);
      await page.setInputFiles('[data-testid="file-input"]', file);
      const row = page.locator('tr[data-file-row="browser-upload.csv"]');
      await row.waitFor({ timeout: 15_000 });
      await page.waitForSelector('tr[data-file-row="browser-upload.csv"][data-status="ready"]', { timeout: 60_000 });

      // The ready state reached this browser's socket as a Pusher event (the page re-reads
      // the list only when an upload finishes, while the file is still processing).
      const readyDelivered = pusher.deliveries.some(
        (delivery) => delivery.socketId === socketId && delivery.event === "upload" && (JSON.parse(delivery.data) as { upload: UploadView }).upload.filename === "browser-upload.csv" && (JSON.parse(delivery.data) as { upload: UploadView }).upload.status === "ready",
      );
      expect(readyDelivered).toBe(true);
      expect(pusher.subscriptions.slice(subscribed).filter((entry) => entry.socketId === socketId && !entry.accepted)).toEqual([]);
      expect(pusher.connections.at(-1)).toMatchObject({ protocol: "7", client: "js" });

      const artifacts = path.resolve(__dirname, "..", "..", "..", "test-results", "cloud-pusher");
      await mkdir(artifacts, { recursive: true });
      await page.screenshot({ path: path.join(artifacts, "datasets-ready.png"), fullPage: true });
    });
  });
});
