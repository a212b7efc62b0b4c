import { z } from "zod";
import { config } from "@/server/config";
import { jsonError, withUser } from "@/server/http/route-handler";
import { mayFollowChannel } from "@/server/progress/channel-access";
import { trackLiveStream } from "@/server/progress/live-streams";
import { eventBus, type BusMessage } from "@/server/progress/publisher";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const querySchema = z.object({ channel: z.string().min(1).max(200) });
const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events for one channel (embedded mode). The first message, `ready`, tells
 * the client it is subscribed, so it can read the current rows without missing an update.
 * A server that stops ends its streams, and the browser reconnects on its own.
 */
export const GET = withUser(async (request, user) => {
  if (config().progress.kind !== "sse") return jsonError(404, "Live updates use Pusher in this deployment.");
  const { channel } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (!(await mayFollowChannel(user, channel))) return jsonError(403, "You cannot follow this channel.");
  const encoder = new TextEncoder();
  let release = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          release();
        }
      };
      const listener = (message: BusMessage) => send(`event: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`);
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      let forget = () => {};
      release = () => {
        clearInterval(heartbeat);
        eventBus().off(channel, listener);
        forget();
      };
      let ended = false;
      const end = () => {
        ended = true;
        release();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      eventBus().on(channel, listener);
      request.signal.addEventListener("abort", end);
      // How soon to reconnect, told before a stopping server ends the stream.
      send("retry: 2000\n\n");
      forget = trackLiveStream(end);
      if (!ended) send("event: ready\ndata: {}\n\n");
    },
    cancel: () => release(),
  });
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
});
