import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { Server, ServerResponse } from "node:http";

const DRAIN = Symbol.for("chronoframe.http-server-drain");
interface DrainState {
  servers: Set<Server>;
  watching: boolean;
  draining: boolean;
}
type Holder = typeof globalThis & { [DRAIN]?: DrainState };

function state(): DrainState {
  const holder = globalThis as Holder;
  holder[DRAIN] ??= { servers: new Set(), watching: false, draining: false };
  return holder[DRAIN];
}

/**
 * Learns the HTTP server of this process. Next.js creates it and does not hand it out; Node
 * publishes every request, with its server, on this diagnostics channel.
 */
export function watchHttpServer(): void {
  const drain = state();
  if (drain.watching) return;
  drain.watching = true;
  subscribe("http.server.request.start", (message) => {
    const { server, response } = message as { server: Server; response: ServerResponse };
    if (!drain.servers.has(server)) {
      drain.servers.add(server);
      if (drain.draining) server.close();
    }
    // While draining, a response closes its connection rather than keeping it open for more.
    if (drain.draining) response.shouldKeepAlive = false;
  });
}

/**
 * Stops accepting connections and closes idle ones, lets requests in flight finish for
 * `graceMs`, then closes every connection still open (an upload mid-chunk keeps what arrived;
 * its client resumes from there).
 */
export async function drainHttpServer(graceMs: number): Promise<void> {
  const drain = state();
  drain.draining = true;
  await Promise.all(
    [...drain.servers].map(
      (server) =>
        new Promise<void>((resolve) => {
          // A response that ends leaves its keep-alive connection idle: close those as they appear.
          const idle = setInterval(() => server.closeIdleConnections(), 100);
          const cut = setTimeout(() => server.closeAllConnections(), graceMs);
          server.close(() => {
            clearInterval(idle);
            clearTimeout(cut);
            resolve();
          });
        }),
    ),
  );
}
