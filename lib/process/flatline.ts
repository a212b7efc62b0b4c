import type { Frame } from "@/lib/series/frame";
import { transformColumns } from "./frame-input";
import type { FlatlineStep } from "./recipe";
import { msToMinutes } from "./time";

/**
 * Stuck sensor ("Messausfall"): a run of two or more consecutive identical non-missing
 * values from index s to e with t[e] - t[s] >= minutes becomes missing. A missing value
 * ends a run.
 */
export function removeFlatlines(time: Float64Array, values: Float64Array, minutes: number): Float64Array {
  const out = values.slice();
  const n = values.length;
  let s = 0;
  while (s < n) {
    const v = values[s];
    let e = s;
    if (!Number.isNaN(v)) {
      while (e + 1 < n && values[e + 1] === v) e++;
      if (e > s && msToMinutes(time[e] - time[s]) >= minutes) out.fill(NaN, s, e + 1);
    }
    s = e + 1;
  }
  return out;
}

export function flatline(frame: Frame, step: Omit<FlatlineStep, "op">): Frame {
  return transformColumns(frame, step.columns, (time, values) => removeFlatlines(time, values, step.minutes));
}
