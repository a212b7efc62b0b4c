import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { Database, Sql } from "@/server/db";
import type { JobHandler } from "./job-handlers";
import { claimJob, completeJob, expireStuckJobs, failJob, findJob, recordJobProgress, requeueRunningJobs, JOB_LEASE_MS, type JobRow } from "./job-queue";
import type { TaskOutcome, TaskProgress } from "./task-types";

const POLL_MS = 1_000;
const PROGRESS_EVERY_MS = 250;
// Often enough that a job whose worker died shows as retrying soon after its lease ran out.
const STUCK_SWEEP_MS = 5_000;
/** Why a thread was ended when the runner stops (a cancel ends threads too). */
const STOPPING = new Error("The job runner is stopping.");

export interface JobRunnerOptions {
  threads: number;
  handlers: Record<string, JobHandler>;
}

/**
 * Claims jobs from the database and runs each in a worker thread, so the process that hosts
 * the runner (the web server by default) keeps answering while parsing or training runs.
 */
export class JobRunner {
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly pool: Piscina;
  private running = new Set<Promise<void>>();
  private readonly aborts = new Map<string, AbortController>();
  private stopped = false;
  private looping: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private lastStuckSweep = 0;

  constructor(
    private readonly db: Database,
    private readonly options: JobRunnerOptions,
  ) {
    process.env.CHRONOFRAME_THREAD_MODULE = path.join(process.cwd(), "server", "jobs", "thread.ts");
    this.pool = new Piscina({
      filename: path.join(process.cwd(), "server", "jobs", "thread-entry.mjs"),
      // Threads start warm: loading the task modules into a new thread takes seconds.
      minThreads: options.threads,
      maxThreads: options.threads,
      // Server code marks itself server-only; inside the thread it runs on the server.
      execArgv: ["--conditions=react-server"],
    });
  }

  start(): void {
    this.looping = this.loop();
  }

  /**
   * Hands back to the queue every job left running by a process that died. Only for the
   * owner of an embedded data folder, before start(): its lock proves no other process runs them.
   */
  async requeueAbandonedJobs(): Promise<void> {
    await this.requeue((sql) => requeueRunningJobs(sql, null));
  }

  /** Nudges the loop after an enqueue in this process, instead of waiting for the next poll. */
  notify(): void {
    this.wakeUp?.();
  }

  /** Terminates the thread running this job, if this runner has it. */
  abort(jobId: string): void {
    this.aborts.get(jobId)?.abort();
  }

  /**
   * Stops claiming, ends the threads of running jobs and hands those jobs back to the queue
   * with their attempt not counted, so that the next start (or another worker) runs them at
   * once. A thread that has finished by then is recorded as usual.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.notify();
    for (const abort of this.aborts.values()) abort.abort(STOPPING);
    try {
      await this.looping;
      await Promise.allSettled([...this.running]);
      await this.requeue((sql) => requeueRunningJobs(sql, this.workerId));
    } finally {
      await this.pool.destroy();
    }
  }

  private async loop(): Promise<void> {
    const kinds = Object.keys(this.options.handlers);
    while (!this.stopped) {
      try {
        await this.sweepStuckJobs();
        while (!this.stopped && this.running.size < this.options.threads) {
          const job = await this.db.asService((sql) => claimJob(sql, this.workerId, kinds));
          if (!job) break;
          const execution = this.execute(job)
            // A database failure mid-job leaves it running; its lease expires and the sweep retries it.
            .catch((error: unknown) => console.error(`job ${job.id} (${job.kind}):`, error))
            .finally(() => {
              this.running.delete(execution);
              this.notify();
            });
          this.running.add(execution);
        }
      } catch (error) {
        console.error("job runner:", error);
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async sweepStuckJobs(): Promise<void> {
    if (Date.now() - this.lastStuckSweep < STUCK_SWEEP_MS) return;
    this.lastStuckSweep = Date.now();
    await this.requeue(expireStuckJobs);
  }

  /** Puts running jobs back in the queue with `requeue`; one out of attempts gets its final failure. Then tells their followers. */
  private async requeue(requeue: (sql: Sql) => Promise<JobRow[]>): Promise<void> {
    const rows = await this.db.asService(async (sql) => {
      const rows = await requeue(sql);
      for (const job of rows) {
        if (job.status === "failed") await this.options.handlers[job.kind]?.onFinalFailure(sql, job, job.message ?? "The job stopped.");
      }
      return rows;
    });
    await Promise.all(rows.map((job) => this.options.handlers[job.kind]?.announce(job)));
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.options.handlers[job.kind];
    const abort = new AbortController();
    this.aborts.set(job.id, abort);
    // Claimed while the runner began to stop: the thread is not started, stop() hands the job back.
    if (this.stopped) abort.abort(STOPPING);
    if (handler.onStart) await this.db.asService((sql) => handler.onStart!(sql, job));
    await handler.announce(job);

    const { port1, port2 } = new MessageChannel();
    let latest: TaskProgress | null = null;
    let lastWritten: TaskProgress = { stage: "running", progress: 0 };
    let writing = Promise.resolve();
    const flush = () => {
      const progress = latest;
      latest = null;
      if (!progress) return writing;
      lastWritten = progress;
      writing = writing
        .then(async () => {
          const row = await this.db.asService((sql) => recordJobProgress(sql, job.id, this.workerId, progress));
          if (row) await handler.announce(row);
          // No longer this worker's: cancelled by the user (perhaps through another process).
          else abort.abort();
        })
        .catch((error: unknown) => console.error("job progress:", error));
      return writing;
    };
    port1.on("message", (progress: TaskProgress) => {
      latest = progress;
    });
    const progressTimer = setInterval(() => void flush(), PROGRESS_EVERY_MS);
    // A task that reports nothing for a while still holds its lease (its last progress written again).
    const heartbeat = setInterval(() => {
      latest ??= lastWritten;
    }, JOB_LEASE_MS / 4);

    let outcome: TaskOutcome | { ok: false; crashed: true };
    let interrupted = false;
    try {
      outcome = (await this.pool.run({ kind: job.kind, payload: job.payload, port: port2 }, { transferList: [port2], signal: abort.signal })) as TaskOutcome;
    } catch (error) {
      interrupted = abort.signal.aborted;
      if (!interrupted) console.error(`job ${job.id} (${job.kind}) crashed:`, error);
      outcome = { ok: false, crashed: true };
    } finally {
      clearInterval(progressTimer);
      clearInterval(heartbeat);
      port1.close();
      this.aborts.delete(job.id);
    }
    latest = null;
    await flush();
    const stopping = abort.signal.reason === STOPPING;
    // Ended by stop(), which hands the job back; a thread that finished first is recorded below.
    if (stopping && interrupted) return;
    if (abort.signal.aborted && !stopping) {
      // Aborted because the job is no longer this worker's: cancelled, or (lease lost) someone else's now.
      await this.db.asService(async (sql) => {
        const current = await findJob(sql, job.id);
        if (current?.status === "cancelled") await handler.onCancelled?.(sql, current);
      });
      return;
    }

    const finished = await this.db.asService(async (sql) => {
      if (outcome.ok) {
        const row = await completeJob(sql, job.id, this.workerId, outcome.result);
        if (row) await handler.onSuccess(sql, row, outcome.result);
        // Cancelled while the thread was finishing: what it wrote is not wanted. (Not when the
        // lease was lost: then the job is someone else's, writing the same files.)
        else if ((await findJob(sql, job.id))?.status === "cancelled") await handler.onCancelled?.(sql, job);
        return row;
      }
      // A crash is retried and described without internals; a user-facing failure is final.
      const retryable = "crashed" in outcome;
      const message = "crashed" in outcome ? "The job failed unexpectedly." : outcome.userMessage;
      const row = await failJob(sql, job.id, this.workerId, message, retryable);
      if (row?.status === "failed") await handler.onFinalFailure(sql, row, message);
      return row;
    });
    if (finished) await handler.announce(finished);
  }
}
