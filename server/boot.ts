import "server-only";
import { config } from "@/server/config";
import { closeDatabase, database } from "@/server/db";
import { drainHttpServer, watchHttpServer } from "@/server/http/http-server-drain";
import { JobRunner } from "@/server/jobs/job-runner";
import { jobHandlers } from "@/server/jobs/job-kinds-registry";
import { setJobRunner } from "@/server/jobs/runner-instance";
import { closeInteractivePool, warmInteractivePool } from "@/server/jobs/interactive-pool";
import { endLiveStreams } from "@/server/progress/live-streams";
import { isPgliteDatabase } from "@/server/db/pglite-database";
import { scheduleBackups } from "@/server/recovery/backups";
import { isStopping, stopOnSignals, stopProcess } from "@/server/shutdown";
import { cleanUpUploads } from "@/server/uploads/cleanup";
import { completeStrandedUploads } from "@/server/uploads/complete-upload";
import { uploadStore } from "@/server/uploads/upload-store";

/** How long requests in flight may go on once the server stops (a page render, a chunk of an upload). */
const REQUEST_GRACE_MS = 2_000;

const BOOTED = Symbol.for("chronoframe.booted");
interface Services {
  runner?: JobRunner;
  timers: NodeJS.Timeout[];
}
type Holder = typeof globalThis & { [BOOTED]?: Services };

/**
 * Starts what the web process runs besides requests: the database (migrated in embedded
 * mode), the job runner unless workers run elsewhere, the completion of uploads a stop left
 * stranded, and the embedded cleanup schedule. From the start on, a signal stops all of it
 * cleanly (stopBackgroundServices).
 */
export async function startBackgroundServices(): Promise<void> {
  const holder = globalThis as Holder;
  if (holder[BOOTED]) return;
  const services: Services = { timers: [] };
  holder[BOOTED] = services;
  const settings = config();
  watchHttpServer();
  stopOnSignals(() => stopBackgroundServices(services));
  // Started by `npm start`, which keeps a channel open: if that process dies, stop too (no orphan).
  if (process.connected) process.once("disconnect", () => void stopProcess("SIGHUP"));
  const db = await database();
  if (isStopping()) return;
  if (isPgliteDatabase(db)) services.timers.push(scheduleBackups(db, settings.backups));
  warmInteractivePool();
  if (settings.runWorkersInWeb) {
    const runner = new JobRunner(db, { threads: settings.workerThreads, handlers: jobHandlers });
    // The embedded folder's lock proves that whoever left jobs running is gone: run them again now, not when their leases run out.
    if (settings.database.kind === "pglite") await runner.requeueAbandonedJobs();
    services.runner = runner;
    setJobRunner(runner);
    runner.start();
  }
  // Uploads whose last bytes arrived just before the previous process stopped get their check now.
  await completeStrandedUploads(db, uploadStore()).catch((error: unknown) => console.error("completing uploads:", error));
  if (settings.auth.kind === "local") {
    const sweep = () =>
      cleanUpUploads(db, uploadStore()).catch((error: unknown) => console.error("cleanup:", error));
    services.timers.push(setTimeout(sweep, 10_000).unref(), setInterval(sweep, settings.cleanupIntervalMs).unref());
  }
}

/**
 * Stops the web process: no new connections, open event streams ended (browsers reconnect),
 * requests in flight given a moment; running jobs handed back to the queue; threads ended;
 * the database closed, which releases the embedded folder's lock.
 */
async function stopBackgroundServices(services: Services): Promise<void> {
  for (const timer of services.timers) clearTimeout(timer);
  endLiveStreams();
  setJobRunner(undefined);
  const stopped = await Promise.allSettled([drainHttpServer(REQUEST_GRACE_MS), services.runner?.stop()]);
  await closeInteractivePool();
  await closeDatabase({ final: true });
  for (const result of stopped) if (result.status === "rejected") throw result.reason;
}

/** For the web server's start: a configuration or database problem stops it with a readable message. */
export async function startBackgroundServicesOrExit(): Promise<void> {
  try {
    await startBackgroundServices();
  } catch (error) {
    console.error(`Chronoframe cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
