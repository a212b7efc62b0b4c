import "server-only";
import type { TaskInput, TaskOutcome } from "./task-types";
import { threadTasks } from "./thread-tasks";

/** Runs inside a worker thread: dispatches to the task named by `kind`, relaying progress over the port. */
export default async function runInThread({ kind, payload, port }: TaskInput): Promise<TaskOutcome> {
  const task = threadTasks[kind];
  if (!task) return { ok: false, userMessage: `Unknown job kind '${kind}'.` };
  try {
    return await task(payload, (progress) => port.postMessage(progress));
  } finally {
    port.close();
  }
}
