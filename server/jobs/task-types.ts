import "server-only";
import type { MessagePort } from "node:worker_threads";

/** What a task in a worker thread reports while it runs. */
export interface TaskProgress {
  stage: string;
  progress: number;
  message?: string;
}

/** A task's outcome. Failures the user can act on are values, so their message survives the thread boundary intact. */
export type TaskOutcome = { ok: true; result: unknown } | { ok: false; userMessage: string };

export interface TaskInput {
  kind: string;
  payload: Record<string, unknown>;
  port: MessagePort;
}

export type Task = (payload: Record<string, unknown>, report: (progress: TaskProgress) => void) => Promise<TaskOutcome>;
