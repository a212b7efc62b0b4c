import type { Frame } from "@/lib/series/frame";
import { sortFrameByTime } from "@/lib/series/sort-frame";
import { SpecError } from "./spec-errors";

/**
 * Every operation accepts rows in any order: they are sorted by time first, stably, so
 * rows with equal timestamps keep their order. A timestamp that is not a finite number
 * cannot be placed and is an error.
 */
export function sortedInput(frame: Frame): Frame {
  const { time } = frame;
  for (let i = 0; i < time.length; i++) {
    if (!Number.isFinite(time[i])) throw new SpecError("", `row ${i + 1} has no valid timestamp`);
  }
  return sortFrameByTime(frame);
}

/** Indices of the named columns (all columns when `names` is absent); an unknown name is an error at `columns`. */
export function selectColumns(frame: Frame, names: readonly string[] | undefined): number[] {
  if (!names) return frame.columns.map((_, c) => c);
  const available = frame.columns.map((column) => column.name);
  return names.map((name, k) => {
    const index = available.indexOf(name);
    if (index === -1) {
      throw new SpecError(`columns[${k}]`, `no column '${name}' (columns: ${available.join(", ") || "none"})`);
    }
    return index;
  });
}

/** A new frame in which the selected columns are replaced by `transform(time, values)`. */
export function transformColumns(
  frame: Frame,
  names: readonly string[] | undefined,
  transform: (time: Float64Array, values: Float64Array) => Float64Array,
): Frame {
  const input = sortedInput(frame);
  const selected = new Set(selectColumns(input, names));
  return {
    time: input.time,
    columns: input.columns.map((column, c) => (selected.has(c) ? { ...column, values: transform(input.time, column.values) } : column)),
  };
}
