import "server-only";
import type { JobRunner } from "./job-runner";

const RUNNER = Symbol.for("chronoframe.job-runner");
type Holder = typeof globalThis & { [RUNNER]?: JobRunner };

export function setJobRunner(runner: JobRunner | undefined): void {
  (globalThis as Holder)[RUNNER] = runner;
}

/** Wakes this process's runner after an enqueue; other processes find the job on their next poll. */
export function notifyJobRunner(): void {
  (globalThis as Holder)[RUNNER]?.notify();
}

/** Stops this process's thread for a job the user cancelled; other processes notice on their next progress write. */
export function abortJobInRunner(jobId: string): void {
  (globalThis as Holder)[RUNNER]?.abort(jobId);
}
