import type { Frame } from "@/lib/series/frame";
import { transformColumns } from "./frame-input";
import type { FillGapsStep } from "./recipe";
import { msToMinutes } from "./time";

/**
 * A run of missing values between two valid neighbours with 0 < t[after] - t[before] <=
 * maxGapMinutes is filled linearly in time, the whole run or nothing. Runs at the start or
 * the end of the series have only one neighbour and stay missing.
 */
export function fillGapsLinear(time: Float64Array, values: Float64Array, maxGapMinutes: number): Float64Array {
  const out = values.slice();
  const n = values.length;
  let i = 0;
  while (i < n) {
    if (!Number.isNaN(values[i])) {
      i++;
      continue;
    }
    const runStart = i;
    while (i < n && Number.isNaN(values[i])) i++;
    const before = runStart - 1;
    const after = i;
    if (before < 0 || after >= n) continue;
    const width = time[after] - time[before];
    if (width <= 0 || msToMinutes(width) > maxGapMinutes) continue;
    const v0 = values[before];
    const slope = values[after] - v0;
    for (let k = runStart; k < after; k++) out[k] = v0 + slope * ((time[k] - time[before]) / width);
  }
  return out;
}

export function fillGaps(frame: Frame, step: Omit<FillGapsStep, "op">): Frame {
  return transformColumns(frame, step.columns, (time, values) => fillGapsLinear(time, values, step.maxGapMinutes));
}
