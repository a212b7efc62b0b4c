import "server-only";
import type { TaskProgress } from "./task-types";

/**
 * Passes on at most one progress update per `everyMs` from a task's tight loop: each update
 * crosses the thread boundary, and the runner keeps only the latest anyway. Updates that
 * must not be dropped (a new stage, the start) go to `report` directly.
 */
export function throttledProgress(report: (update: TaskProgress) => void, everyMs = 100): (update: TaskProgress) => void {
  let last = 0;
  return (update) => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    report(update);
  };
}
