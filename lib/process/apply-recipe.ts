import type { Frame } from "@/lib/series/frame";
import { crop } from "./crop";
import { dropZeros } from "./drop-zeros";
import { fillGaps } from "./fill-gaps";
import { flatline } from "./flatline";
import { sortedInput } from "./frame-input";
import { gradient } from "./gradient";
import { limits } from "./limits";
import { outliers } from "./outliers";
import type { Recipe, RecipeOp, RecipeStep } from "./recipe";
import { resample } from "./resample";
import { shift } from "./shift";
import { formatPath, SpecError } from "./spec-errors";

/** What one step did. removed/filled count cells; they are 0 for steps that change the rows (crop, shift, resample). */
export interface StepReport {
  op: RecipeOp;
  /** Values that were present before the step and missing after it. */
  removed: number;
  /** Values that were missing before the step and present after it. */
  filled: number;
  rowsBefore: number;
  rowsAfter: number;
}

export interface RecipeResult {
  frame: Frame;
  steps: StepReport[];
}

export function applyStep(frame: Frame, step: RecipeStep): Frame {
  switch (step.op) {
    case "flatline":
      return flatline(frame, step);
    case "limits":
      return limits(frame, step);
    case "dropZeros":
      return dropZeros(frame, step);
    case "gradient":
      return gradient(frame, step);
    case "fillGaps":
      return fillGaps(frame, step);
    case "outliers":
      return outliers(frame, step);
    case "crop":
      return crop(frame, step);
    case "shift":
      return shift(frame, step);
    case "resample":
      return resample(frame, step);
  }
}

/** Cells that turned missing and cells that turned present; the frames have the same rows and columns. */
export function countChanges(before: Frame, after: Frame): { removed: number; filled: number } {
  let removed = 0;
  let filled = 0;
  for (let c = 0; c < before.columns.length; c++) {
    const a = before.columns[c].values;
    const b = after.columns[c].values;
    if (a === b) continue;
    for (let i = 0; i < a.length; i++) {
      const wasMissing = a[i] !== a[i];
      const isMissing = b[i] !== b[i];
      if (wasMissing && !isMissing) filled++;
      else if (!wasMissing && isMissing) removed++;
    }
  }
  return { removed, filled };
}

/**
 * Runs the steps in order (rows sorted by time first, stably) and reports per step the
 * values removed and filled. An error in a step is a SpecError whose path starts with
 * `steps[i]`. `onStep` is called after each step, e.g. for progress.
 */
export function applyRecipe(frame: Frame, recipe: Recipe, onStep?: (index: number, report: StepReport) => void): RecipeResult {
  let current = sortedInput(frame);
  const steps: StepReport[] = [];
  recipe.steps.forEach((step, index) => {
    let next: Frame;
    try {
      next = applyStep(current, step);
    } catch (error) {
      throw error instanceof SpecError ? error.within(formatPath(["steps", index])) : error;
    }
    const sameRows = next.time === current.time;
    const changes = sameRows ? countChanges(current, next) : { removed: 0, filled: 0 };
    const report: StepReport = { op: step.op, ...changes, rowsBefore: current.time.length, rowsAfter: next.time.length };
    steps.push(report);
    onStep?.(index, report);
    current = next;
  });
  return { frame: current, steps };
}
