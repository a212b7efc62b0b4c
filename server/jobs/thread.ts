import "server-only";
import { ZodError } from "zod";
import type { TaskInput, TaskOutcome } from "./task-types";
import { threadTasks } from "./thread-tasks";

/** Runs inside a worker thread: dispatches to the task named by `kind`, relaying progress over the port. */
export default async function runInThread({ kind, payload, port }: TaskInput): Promise<TaskOutcome> {
  const task = threadTasks[kind];
  if (!task) return { ok: false, userMessage: `Unknown job kind '${kind}'.` };
  try {
    return await task(payload, (progress) => port.postMessage(progress));
  } catch (error) {
    // A payload that does not fit its schema fails the same way on every attempt: final at once.
    if (error instanceof ZodError) return { ok: false, userMessage: "The job's settings are not valid any more: start it again." };
    throw error;
  } finally {
    port.close();
  }
}
