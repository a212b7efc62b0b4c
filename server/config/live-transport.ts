import "server-only";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import { config } from "./index";

/** The browser's half of the progress configuration: never the secret. */
export function liveTransport(): LiveTransport {
  const progress = config().progress;
  if (progress.kind === "sse") return { kind: "sse" };
  return { kind: "pusher", key: progress.key, cluster: progress.cluster, wsHost: progress.host, wsPort: progress.port, forceTLS: progress.useTLS };
}
