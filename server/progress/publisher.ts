import "server-only";
import { EventEmitter } from "node:events";
import Pusher from "pusher";
import { config } from "@/server/config";

export interface ProgressPublisher {
  publish(channel: string, event: string, data: unknown): Promise<void>;
}

const BUS = Symbol.for("chronoframe.event-bus");
type Holder = typeof globalThis & { [BUS]?: EventEmitter };

/** The in-process bus behind Server-Sent Events (embedded mode: one process serves everything). */
export function eventBus(): EventEmitter {
  const holder = globalThis as Holder;
  if (!holder[BUS]) {
    holder[BUS] = new EventEmitter();
    holder[BUS].setMaxListeners(0);
  }
  return holder[BUS];
}

export interface BusMessage {
  event: string;
  data: unknown;
}

function ssePublisher(): ProgressPublisher {
  return {
    publish: async (channel, event, data) => {
      eventBus().emit(channel, { event, data } satisfies BusMessage);
    },
  };
}

export function pusherClient(): Pusher {
  const progress = config().progress;
  if (progress.kind !== "pusher") throw new Error("Pusher is not configured");
  return new Pusher({
    appId: progress.appId,
    key: progress.key,
    secret: progress.secret,
    cluster: progress.cluster,
    useTLS: progress.useTLS,
    ...(progress.host ? { host: progress.host } : {}),
    ...(progress.port ? { port: String(progress.port) } : {}),
  });
}

function pusherPublisher(): ProgressPublisher {
  const client = pusherClient();
  return {
    publish: async (channel, event, data) => {
      await client.trigger(channel, event, data);
    },
  };
}

const PUBLISHER = Symbol.for("chronoframe.publisher");
type PublisherHolder = typeof globalThis & { [PUBLISHER]?: ProgressPublisher };

export function publisher(): ProgressPublisher {
  const holder = globalThis as PublisherHolder;
  holder[PUBLISHER] ??= config().progress.kind === "pusher" ? pusherPublisher() : ssePublisher();
  return holder[PUBLISHER];
}
