"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveTransport } from "@/lib/contracts/live-transport";

export interface LiveChannelHandlers {
  /** Called on every (re)connection: re-read the current state, events may have been missed. */
  onSync: () => void;
  onEvent: (event: string, data: unknown) => void;
}

/**
 * Follows one channel over SSE or Pusher and reports whether it is connected. Correctness
 * never depends on an event arriving: every (re)connection triggers `onSync` first.
 */
export function useLiveChannel(transport: LiveTransport, channel: string, events: string[], handlers: LiveChannelHandlers): boolean {
  const [connected, setConnected] = useState(false);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const eventList = events.join(",");
  // Props from the server arrive as new objects on every render; follow the value, not the identity.
  const transportKey = JSON.stringify(transport);

  useEffect(() => {
    const names = eventList.split(",");
    const transport = JSON.parse(transportKey) as LiveTransport;
    if (transport.kind === "sse") {
      const source = new EventSource(`/api/events?channel=${encodeURIComponent(channel)}`);
      source.addEventListener("ready", () => {
        setConnected(true);
        latest.current.onSync();
      });
      source.onerror = () => setConnected(false);
      for (const name of names) {
        source.addEventListener(name, (message) => latest.current.onEvent(name, JSON.parse((message as MessageEvent<string>).data)));
      }
      return () => source.close();
    }
    let disposed = false;
    let cleanup = () => {};
    void import("pusher-js").then(({ default: Pusher }) => {
      if (disposed) return;
      const client = new Pusher(transport.key, {
        cluster: transport.cluster,
        forceTLS: transport.forceTLS,
        ...(transport.wsHost ? { wsHost: transport.wsHost, wsPort: transport.wsPort, enabledTransports: ["ws"], disableStats: true } : {}),
        channelAuthorization: { endpoint: "/api/pusher/auth", transport: "ajax" },
      });
      const subscription = client.subscribe(channel);
      subscription.bind("pusher:subscription_succeeded", () => {
        setConnected(true);
        latest.current.onSync();
      });
      for (const name of names) subscription.bind(name, (data: unknown) => latest.current.onEvent(name, data));
      client.connection.bind("state_change", ({ current }: { current: string }) => {
        if (current !== "connected") setConnected(false);
        // Pusher re-subscribes after a reconnect, which fires subscription_succeeded again.
      });
      cleanup = () => client.disconnect();
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [transportKey, channel, eventList]);

  return connected;
}
