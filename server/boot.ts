import "server-only";
import { config } from "@/server/config";
import { database } from "@/server/db";
import { JobRunner } from "@/server/jobs/job-runner";
import { jobHandlers } from "@/server/jobs/job-kinds-registry";
import { setJobRunner } from "@/server/jobs/runner-instance";
import { warmInteractivePool } from "@/server/jobs/interactive-pool";
import { cleanUpUploads } from "@/server/uploads/cleanup";
import { completeStrandedUploads } from "@/server/uploads/complete-upload";
import { uploadStore } from "@/server/uploads/upload-store";

const BOOTED = Symbol.for("chronoframe.booted");
type Holder = typeof globalThis & { [BOOTED]?: boolean };

/**
 * Starts what the web process runs besides requests: the database (migrated in embedded
 * mode), the job runner unless workers run elsewhere, the completion of uploads a stop left
 * stranded, and the embedded cleanup schedule.
 */
export async function startBackgroundServices(): Promise<void> {
  const holder = globalThis as Holder;
  if (holder[BOOTED]) return;
  holder[BOOTED] = true;
  const settings = config();
  const db = await database();
  warmInteractivePool();
  if (settings.runWorkersInWeb) {
    const runner = new JobRunner(db, { threads: settings.workerThreads, handlers: jobHandlers });
    setJobRunner(runner);
    runner.start();
  }
  // Uploads whose last bytes arrived just before the previous process stopped get their check now.
  await completeStrandedUploads(db, uploadStore()).catch((error: unknown) => console.error("completing uploads:", error));
  if (settings.auth.kind === "local") {
    const sweep = () =>
      cleanUpUploads(db, uploadStore()).catch((error: unknown) => console.error("cleanup:", error));
    setTimeout(sweep, 10_000).unref();
    setInterval(sweep, settings.cleanupIntervalMs).unref();
  }
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
