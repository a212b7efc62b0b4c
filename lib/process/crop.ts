import type { Frame } from "@/lib/series/frame";
import { sortedInput } from "./frame-input";
import type { CropStep } from "./recipe";
import { parseIsoInstant } from "./time";

/** Index of the first t[i] >= bound (or > bound when `strict`), in ascending `time`. */
export function lowerBound(time: Float64Array, bound: number, strict = false): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < bound || (strict && time[mid] === bound)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keeps the rows with startMs <= t <= endMs (an absent bound does not apply). */
export function cropRows(frame: Frame, startMs = -Infinity, endMs = Infinity): Frame {
  const input = sortedInput(frame);
  const from = lowerBound(input.time, startMs);
  const to = lowerBound(input.time, endMs, true);
  if (from === 0 && to === input.time.length) return input;
  const end = Math.max(from, to);
  return {
    time: input.time.slice(from, end),
    columns: input.columns.map((column) => ({ ...column, values: column.values.slice(from, end) })),
  };
}

export function crop(frame: Frame, step: Omit<CropStep, "op">): Frame {
  return cropRows(
    frame,
    step.start === undefined ? undefined : parseIsoInstant(step.start),
    step.end === undefined ? undefined : parseIsoInstant(step.end),
  );
}
