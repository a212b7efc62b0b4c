import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";

/**
 * A local stand-in for Pusher Channels' HTTP API (Pusher's server cannot run here). It
 * implements `POST /apps/:appId/events` and accepts a request only when it is signed the
 * way Pusher documents it (https://pusher.com/docs/channels/library_auth_reference/rest-api/):
 *
 *   query: auth_key, auth_timestamp (within 600 s), auth_version=1.0, body_md5 = hex MD5 of
 *   the body, auth_signature = hex HMAC-SHA256(secret,
 *     "POST\n/apps/<id>/events\n" + the other query parameters sorted by key, joined as k=v with &)
 *
 * and the body is a valid event (name, data as a string of at most 10 kB, 1–100 valid
 * channel names). Anything else is refused with Pusher's status codes (401/400/413) and
 * recorded as a rejection; accepted events are recorded with their data parsed.
 *
 * It also speaks the client side of the protocol on `ws://host:port/app/<key>` (what pusher-js
 * opens with `wsHost`/`wsPort`): `pusher:connection_established` with a socket id,
 * `pusher:subscribe` to a private channel only with `auth = "<key>:" + hex HMAC-SHA256(secret,
 * socket_id + ":" + channel)` → `pusher_internal:subscription_succeeded` (else `pusher:error`),
 * `pusher:ping` → `pusher:pong`, and accepted REST events delivered to subscribed sockets.
 */

export interface AcceptedEvent {
  name: string;
  channels: string[];
  data: unknown;
  rawData: string;
  socketId?: string;
  receivedAt: number;
  query: Record<string, string>;
}

export interface Rejection {
  status: number;
  reason: string;
  path: string;
}

export interface Subscription {
  socketId: string;
  channel: string;
  auth: string | null;
  accepted: boolean;
  reason: string;
}

export interface Delivery {
  socketId: string;
  channel: string;
  event: string;
  data: string;
}

export interface FakePusher {
  appId: string;
  key: string;
  secret: string;
  host: string;
  port: number;
  events: AcceptedEvent[];
  rejections: Rejection[];
  /** Every subscription attempt over WebSocket, accepted or not. */
  subscriptions: Subscription[];
  /** Every event pushed to a WebSocket client. */
  deliveries: Delivery[];
  /** Query strings of WebSocket connections (protocol, client, version). */
  connections: Record<string, string>[];
  /** Events on one channel, in the order they were accepted. */
  on(channel: string): AcceptedEvent[];
  waitFor(predicate: (event: AcceptedEvent) => boolean, timeoutMs?: number): Promise<AcceptedEvent>;
  close(): Promise<void>;
}

const MAX_DATA_BYTES = 10 * 1024;
const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]{1,164}$/;

/** The string Pusher signs for a REST request. */
export function pusherStringToSign(method: string, path: string, query: Record<string, string>): string {
  const ordered = Object.keys(query)
    .filter((key) => key !== "auth_signature")
    .sort()
    .map((key) => `${key}=${query[key]}`)
    .join("&");
  return `${method}\n${path}\n${ordered}`;
}

const hmacHex = (secret: string, text: string) => createHmac("sha256", secret).update(text).digest("hex");

function sameHex(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startFakePusher(options: { appId?: string; key?: string; secret?: string } = {}): Promise<FakePusher> {
  const appId = options.appId ?? "4242";
  const key = options.key ?? "fake-pusher-key";
  const secret = options.secret ?? "fake-pusher-secret";
  const events: AcceptedEvent[] = [];
  const rejections: Rejection[] = [];
  const waiters = new Set<() => void>();
  const subscriptions: Subscription[] = [];
  const deliveries: Delivery[] = [];
  const connections: Record<string, string>[] = [];
  const sockets = new Map<string, { socket: WebSocket; channels: Set<string> }>();
  let nextSocket = 1;

  function check(method: string, path: string, query: Record<string, string>, body: Buffer): { status: number; reason: string } | null {
    if (method !== "POST" || path !== `/apps/${appId}/events`) return { status: 404, reason: `no such endpoint ${method} ${path}` };
    if (query.auth_key !== key) return { status: 401, reason: "unknown auth_key" };
    if (query.auth_version !== "1.0") return { status: 401, reason: "auth_version must be 1.0" };
    const timestamp = Number(query.auth_timestamp);
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 600) return { status: 401, reason: "auth_timestamp missing or more than 600 s off" };
    const md5 = createHash("md5").update(body).digest("hex");
    if (query.body_md5 !== md5) return { status: 401, reason: "body_md5 does not match the body" };
    const expected = hmacHex(secret, pusherStringToSign(method, path, query));
    if (!query.auth_signature || !sameHex(query.auth_signature, expected)) return { status: 401, reason: "invalid auth_signature" };
    return null;
  }

  function parseEvent(body: Buffer): { event?: Omit<AcceptedEvent, "receivedAt" | "query">; status: number; reason: string } {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    } catch {
      return { status: 400, reason: "body is not JSON" };
    }
    const channels = Array.isArray(json.channels) ? json.channels : typeof json.channel === "string" ? [json.channel] : null;
    if (typeof json.name !== "string" || json.name.length === 0 || json.name.length > 200) return { status: 400, reason: "event name missing or too long" };
    if (typeof json.data !== "string") return { status: 400, reason: "data must be a string" };
    if (Buffer.byteLength(json.data) > MAX_DATA_BYTES) return { status: 413, reason: "data over 10 kB" };
    if (!channels || channels.length === 0 || channels.length > 100 || !channels.every((channel) => typeof channel === "string" && CHANNEL_NAME.test(channel))) {
      return { status: 400, reason: "channels missing or invalid" };
    }
    let data: unknown = json.data;
    try {
      data = JSON.parse(json.data);
    } catch {
      // Plain string data is allowed.
    }
    return { event: { name: json.name, channels: channels as string[], data, rawData: json.data, socketId: typeof json.socket_id === "string" ? json.socket_id : undefined }, status: 200, reason: "" };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(request.url ?? "/", "http://fake.invalid");
    const query = Object.fromEntries(url.searchParams);
    const refusal = check(request.method ?? "", url.pathname, query, body);
    const parsed = refusal ? null : parseEvent(body);
    const status = refusal?.status ?? parsed!.status;
    if (status !== 200) {
      rejections.push({ status, reason: refusal?.reason ?? parsed!.reason, path: url.pathname });
      response.writeHead(status, { "Content-Type": "text/plain" });
      response.end(refusal?.reason ?? parsed!.reason);
      return;
    }
    const event = parsed!.event!;
    events.push({ ...event, receivedAt: Date.now(), query });
    for (const [socketId, client] of sockets) {
      if (socketId === event.socketId) continue;
      for (const channel of event.channels) {
        if (!client.channels.has(channel)) continue;
        client.socket.send(JSON.stringify({ event: event.name, channel, data: event.rawData }));
        deliveries.push({ socketId, channel, event: event.name, data: event.rawData });
      }
    }
    for (const wake of waiters) wake();
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end("{}");
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (request, socket, head) => {
    const url = new URL(request.url ?? "/", "http://fake.invalid");
    if (url.pathname !== `/app/${key}`) {
      socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
      return;
    }
    connections.push(Object.fromEntries(url.searchParams));
    wss.handleUpgrade(request, socket, head, (ws) => speak(ws));
  });

  function speak(ws: WebSocket): void {
    const socketId = `${100000 + nextSocket++}.${Math.floor(Math.random() * 1e9)}`;
    const client = { socket: ws, channels: new Set<string>() };
    sockets.set(socketId, client);
    const send = (message: Record<string, unknown>) => ws.send(JSON.stringify(message));
    send({ event: "pusher:connection_established", data: JSON.stringify({ socket_id: socketId, activity_timeout: 120 }) });
    ws.on("close", () => sockets.delete(socketId));
    ws.on("message", (raw) => {
      let message: { event?: string; data?: unknown; channel?: string };
      try {
        message = JSON.parse(String(raw)) as typeof message;
      } catch {
        send({ event: "pusher:error", data: { code: 4000, message: "not JSON" } });
        return;
      }
      const data = (typeof message.data === "string" ? JSON.parse(message.data) : message.data ?? {}) as { channel?: string; auth?: string };
      if (message.event === "pusher:ping") return send({ event: "pusher:pong", data: {} });
      if (message.event === "pusher:unsubscribe" && data.channel) return void client.channels.delete(data.channel);
      if (message.event !== "pusher:subscribe" || !data.channel) return;
      const channel = data.channel;
      const auth = typeof data.auth === "string" ? data.auth : null;
      let reason = "";
      if (!CHANNEL_NAME.test(channel)) reason = "invalid channel name";
      else if (channel.startsWith("private-") || channel.startsWith("presence-")) {
        const expected = `${key}:${hmacHex(secret, `${socketId}:${channel}`)}`;
        if (!auth) reason = "private channel without auth";
        else if (!sameHex(auth, expected)) reason = "Invalid signature: expected HMAC SHA256 hex digest of socket_id:channel";
      }
      subscriptions.push({ socketId, channel, auth, accepted: reason === "", reason });
      if (reason) return send({ event: "pusher:error", data: { code: null, message: reason } });
      client.channels.add(channel);
      send({ event: "pusher_internal:subscription_succeeded", channel, data: "{}" });
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    appId,
    key,
    secret,
    host: "127.0.0.1",
    port,
    events,
    rejections,
    subscriptions,
    deliveries,
    connections,
    on: (channel) => events.filter((event) => event.channels.includes(channel)),
    waitFor: (predicate, timeoutMs = 30_000) =>
      new Promise<AcceptedEvent>((resolve, reject) => {
        const look = () => {
          const found = events.find(predicate);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(look);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(look);
          reject(new Error(`no matching Pusher event within ${timeoutMs} ms; got ${JSON.stringify(events.map((event) => [event.channels, event.data]))}; rejections ${JSON.stringify(rejections)}`));
        }, timeoutMs);
        waiters.add(look);
        look();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.values()) client.socket.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
