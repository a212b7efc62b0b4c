import "server-only";
import { config } from "@/server/config";
import { closeDatabase, database } from "@/server/db";
import { stopOnSignals } from "@/server/shutdown";
import { JobRunner } from "./job-runner";
import { jobHandlers } from "./job-kinds-registry";

/** `npm run worker`: a process that only runs jobs, coordinated with the others through PostgreSQL. */
async function main(): Promise<void> {
  const settings = config();
  if (settings.database.kind !== "postgres") {
    throw new Error("npm run worker needs DATABASE_URL: the embedded database belongs to the web process, which runs its own workers");
  }
  if (settings.progress.kind !== "pusher") {
    throw new Error("npm run worker needs the PUSHER_* variables: progress from another process reaches browsers through Pusher");
  }
  const runner = new JobRunner(await database(), { threads: settings.workerThreads, handlers: jobHandlers });
  // A signal hands this worker's running jobs back to the queue, for another worker or the next start.
  stopOnSignals(async () => {
    await runner.stop();
    await closeDatabase({ final: true });
  });
  runner.start();
  process.stdout.write(`worker ${runner.workerId} running ${settings.workerThreads} thread(s)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`worker: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
