import "server-only";
import type { Sql } from "@/server/db";
import type { JobRow } from "./job-queue";

/**
 * The main-thread side of a job kind: what the database learns when it starts, succeeds
 * or fails for good, and who hears about it. The CPU work itself is the thread task.
 */
export interface JobHandler {
  onStart?(sql: Sql, job: JobRow): Promise<void>;
  onSuccess(sql: Sql, job: JobRow, result: unknown): Promise<void>;
  onFinalFailure(sql: Sql, job: JobRow, message: string): Promise<void>;
  /**
   * The user cancelled the job. Idempotent: called when the cancel is recorded and again by
   * the runner once the thread has stopped, so whatever the thread wrote can be removed.
   */
  onCancelled?(sql: Sql, job: JobRow): Promise<void>;
  /** Tells the job's followers that something changed (after the transaction committed). */
  announce(job: JobRow): Promise<void>;
}
