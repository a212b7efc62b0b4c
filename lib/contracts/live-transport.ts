/** How the browser receives live updates; sent by the server, so one build serves both modes. */
export type LiveTransport =
  | { kind: "sse" }
  | { kind: "pusher"; key: string; cluster: string; wsHost?: string; wsPort?: number; forceTLS: boolean };
