import "server-only";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { TaskOutcome } from "./task-types";

/**
 * One worker thread for work a user waits for on a page (the training sample preview):
 * bounded in time, kept apart from the job runner's threads so a long training run never
 * holds it up, and never on the web server's event loop. The thread starts on first use
 * and ends after a while without work.
 */
const POOL = Symbol.for("chronoframe.interactive-pool");
type Holder = typeof globalThis & { [POOL]?: Piscina };

const IDLE_MS = 15 * 60_000;
const MAX_QUEUE = 8;

export class InteractiveTaskTimeout extends Error {}

function pool(): Piscina {
  const holder = globalThis as Holder;
  if (!holder[POOL]) {
    process.env.CHRONOFRAME_THREAD_MODULE ??= path.join(process.cwd(), "server", "jobs", "thread.ts");
    holder[POOL] = new Piscina({
      filename: path.join(process.cwd(), "server", "jobs", "thread-entry.mjs"),
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: IDLE_MS,
      maxQueue: MAX_QUEUE,
      execArgv: ["--conditions=react-server"],
    });
  }
  return holder[POOL];
}

/** Runs the thread task `kind`; a task running longer than `timeoutMs` is stopped (its thread ends) and rejects with InteractiveTaskTimeout. */
export async function runInteractiveTask(kind: string, payload: Record<string, unknown>, timeoutMs: number): Promise<TaskOutcome> {
  const { port1, port2 } = new MessageChannel();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return (await pool().run({ kind, payload, port: port2 }, { transferList: [port2], signal })) as TaskOutcome;
  } catch (error) {
    if (signal.aborted) throw new InteractiveTaskTimeout(`stopped after ${Math.round(timeoutMs / 1000)} s`);
    throw error;
  } finally {
    port1.close();
  }
}

/** Ends the thread (tests, shutdown). */
export async function closeInteractivePool(): Promise<void> {
  const holder = globalThis as Holder;
  const running = holder[POOL];
  delete holder[POOL];
  await running?.destroy();
}
