import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { UNSUPPORTED_METHODS, unsupportedMethodMessage } from "@/lib/http/request-guard";

const INSTALLED = Symbol.for("chronoframe.refuse-unsupported-methods");
type Holder = typeof globalThis & { [INSTALLED]?: true };

/**
 * Answers TRACE and TRACK with 405 before Next.js sees them: Next.js cannot make a fetch
 * Request of such a method and answers 500 instead, before proxy.ts could refuse it. Next.js
 * does not hand out its HTTP server; Node names it on this diagnostics channel just before it
 * emits each request, so the first request already passes through the check.
 */
export function refuseUnsupportedMethods(): void {
  const holder = globalThis as Holder;
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  const guarded = new WeakSet<Server>();
  subscribe("http.server.request.start", (message) => {
    const { server } = message as { server: Server };
    if (guarded.has(server)) return;
    guarded.add(server);
    const emit = server.emit.bind(server) as (event: string, ...args: unknown[]) => boolean;
    server.emit = ((event: string, ...args: unknown[]) => {
      if (event !== "request") return emit(event, ...args);
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const method = (request.method ?? "").toUpperCase();
      if (!UNSUPPORTED_METHODS.has(method)) return emit(event, ...args);
      response.writeHead(405, { "Content-Type": "application/json", Allow: "GET, HEAD, POST, PATCH, DELETE, OPTIONS", "X-Content-Type-Options": "nosniff" });
      response.end(JSON.stringify({ error: unsupportedMethodMessage(method) }));
      request.resume();
      return true;
    }) as Server["emit"];
  });
}
