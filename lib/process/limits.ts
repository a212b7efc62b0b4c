import type { Frame } from "@/lib/series/frame";
import { transformColumns } from "./frame-input";
import type { LimitsStep } from "./recipe";

/** `v > max` or `v < min` becomes missing; an absent bound does not apply. */
export function applyLimits(values: Float64Array, min = -Infinity, max = Infinity): Float64Array {
  const out = values.slice();
  for (let i = 0; i < out.length; i++) {
    if (out[i] > max || out[i] < min) out[i] = NaN;
  }
  return out;
}

export function limits(frame: Frame, step: Omit<LimitsStep, "op">): Frame {
  return transformColumns(frame, step.columns, (_time, values) => applyLimits(values, step.min, step.max));
}
