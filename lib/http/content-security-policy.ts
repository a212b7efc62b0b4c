import type { LiveTransport } from "@/lib/contracts/live-transport";

/**
 * The Content-Security-Policy of the app's pages. Next.js puts the request's nonce on its own
 * scripts, and 'strict-dynamic' lets those load the chunks they need, so no other script can
 * run. Styles stay 'unsafe-inline': React and the charts set style attributes, which a nonce
 * cannot cover. No other site may frame a page (clickjacking).
 */
export function contentSecurityPolicy(options: { nonce: string; live: LiveTransport; development: boolean }): string {
  const scripts = ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])];
  const connect = ["'self'", ...liveConnectSources(options.live), ...(options.development ? ["ws:"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Where the browser's live-progress client connects: Pusher's cluster hosts, or a self-hosted Pusher-protocol server. */
function liveConnectSources(live: LiveTransport): string[] {
  if (live.kind === "sse") return [];
  if (live.wsHost) {
    const port = live.wsPort ? `:${live.wsPort}` : "";
    return [`${live.forceTLS ? "wss" : "ws"}://${live.wsHost}${port}`];
  }
  return [`wss://ws-${live.cluster}.pusher.com`, `https://sockjs-${live.cluster}.pusher.com`, "https://stats.pusher.com"];
}
