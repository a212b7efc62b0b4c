import "server-only";
import { constants } from "node:os";

/** However a stop goes, the process is gone by then. */
const STOP_DEADLINE_MS = 8_000;
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

const SHUTDOWN = Symbol.for("chronoframe.shutdown");
interface Shutdown {
  stop: () => Promise<void>;
  stopping?: Promise<void>;
}
type Holder = typeof globalThis & { [SHUTDOWN]?: Shutdown };

/**
 * From now on SIGINT, SIGTERM and SIGHUP stop this process with `stop`, and it exits with the
 * signal's status (128 + its number). Handlers registered before are replaced: Next.js's closes
 * the HTTP server and then waits for every connection to end, which an open event stream never
 * does, and it exits without waiting for anything it does not know (jobs, threads, the database).
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  (globalThis as Holder)[SHUTDOWN] = { stop };
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stopProcess(signal));
  }
}

/** Whether this process has begun to stop. */
export function isStopping(): boolean {
  return Boolean((globalThis as Holder)[SHUTDOWN]?.stopping);
}

/**
 * Stops the process once, however often it is asked (Ctrl-C reaches every process of the
 * group, and `npm start` passes it on too), then exits; after 8 s it exits whatever hangs.
 */
export function stopProcess(signal: NodeJS.Signals): Promise<void> {
  const shutdown = (globalThis as Holder)[SHUTDOWN];
  if (!shutdown) process.exit(128 + (constants.signals[signal] ?? 0));
  shutdown.stopping ??= (async () => {
    const code = 128 + (constants.signals[signal] ?? 0);
    const started = Date.now();
    console.log(`Chronoframe: ${signal}, stopping…`);
    const deadline = setTimeout(() => {
      console.error(`Chronoframe did not stop within ${STOP_DEADLINE_MS / 1000} s: exiting anyway.`);
      process.exit(code);
    }, STOP_DEADLINE_MS);
    try {
      await shutdown.stop();
      console.log(`Chronoframe stopped in ${Date.now() - started} ms.`);
    } catch (error) {
      console.error("Chronoframe could not stop cleanly:", error);
    } finally {
      clearTimeout(deadline);
      process.exit(code);
    }
  })();
  return shutdown.stopping;
}
