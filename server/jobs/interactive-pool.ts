import "server-only";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { TaskOutcome } from "./task-types";

/**
 * Worker threads for CPU work a request waits for (chart points, previews): bounded work,
 * answered directly rather than queued as a job, but still off the event loop that serves
 * every other request. The same thread tasks as the job runner, in their own small pool.
 */
const POOL = Symbol.for("chronoframe.interactive-pool");
type Holder = typeof globalThis & { [POOL]?: Piscina };

/** A task's user-facing failure (bad column, invalid settings): its message is safe to show. */
export class InteractiveTaskError extends Error {}

function pool(): Piscina {
  const holder = globalThis as Holder;
  if (!holder[POOL]) {
    process.env.CHRONOFRAME_THREAD_MODULE = path.join(process.cwd(), "server", "jobs", "thread.ts");
    holder[POOL] = new Piscina({
      filename: path.join(process.cwd(), "server", "jobs", "thread-entry.mjs"),
      // One thread stays warm: loading the task modules into a new thread takes seconds.
      minThreads: 1,
      maxThreads: 2,
      idleTimeout: 10 * 60_000,
      execArgv: ["--conditions=react-server"],
    });
  }
  return holder[POOL];
}

/**
 * Runs one thread task and returns its result; an `ok: false` outcome becomes an
 * InteractiveTaskError. A request gone before its turn is not run; a running task is let
 * finish, since aborting it would end its thread (and the frames that thread keeps).
 */
export async function runInteractive<Result>(kind: string, payload: Record<string, unknown>, signal?: AbortSignal): Promise<Result> {
  signal?.throwIfAborted();
  // Tasks may report progress; nobody waits for it here.
  const { port1, port2 } = new MessageChannel();
  try {
    const outcome = (await pool().run({ kind, payload, port: port2 }, { transferList: [port2] })) as TaskOutcome;
    if (!outcome.ok) throw new InteractiveTaskError(outcome.userMessage);
    return outcome.result as Result;
  } finally {
    port1.close();
  }
}

/** Starts the warm thread early, so the first chart does not wait for it. */
export function warmInteractivePool(): void {
  pool();
}

/** Ends the pool's threads (the process is stopping); tasks still running are rejected. */
export async function closeInteractivePool(): Promise<void> {
  const holder = globalThis as Holder;
  const running = holder[POOL];
  delete holder[POOL];
  await running?.destroy();
}
