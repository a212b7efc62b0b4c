import type { Frame } from "@/lib/series/frame";
import { cropRows } from "./crop";
import { sortedInput } from "./frame-input";
import { medianInPlace } from "./order-statistics";
import type { ResampleMethod, ResampleStep, ResampleWindow } from "./recipe";
import { SpecError } from "./spec-errors";
import { floorToHour, minutesToMs, msToMinutes, parseIsoInstant, positiveModulo } from "./time";

/** A regular grid: `count` points `first + k·stepMs`. */
export interface Grid {
  first: number;
  stepMs: number;
  count: number;
}

/** Beyond this a grid (8 bytes per point and column) is a mistake in the step, not a wish. */
export const MAX_GRID_POINTS = 50_000_000;

/** `floorToHour(reference) + (offset mod step)`: the point every grid of this step and offset passes through. */
export function gridAnchor(reference: number, stepMs: number, offsetMs: number): number {
  return floorToHour(reference) + positiveModulo(offsetMs, stepMs);
}

/** The smallest k with anchor + k·step >= t (or the largest with <= t when `atOrBefore`), robust to rounding. */
function gridIndex(anchor: number, stepMs: number, t: number, atOrBefore: boolean): number {
  let k = atOrBefore ? Math.floor((t - anchor) / stepMs) : Math.ceil((t - anchor) / stepMs);
  if (atOrBefore) {
    while (anchor + k * stepMs > t) k--;
    while (anchor + (k + 1) * stepMs <= t) k++;
  } else {
    while (anchor + k * stepMs < t) k++;
    while (anchor + (k - 1) * stepMs >= t) k--;
  }
  return k;
}

/** The lattice points of `anchor + k·step` inside [from, to]. */
export function gridBetween(anchor: number, stepMs: number, from: number, to: number): Grid {
  const kFirst = gridIndex(anchor, stepMs, from, false);
  const kLast = gridIndex(anchor, stepMs, to, true);
  const count = Math.max(0, kLast - kFirst + 1);
  if (count > MAX_GRID_POINTS) {
    throw new SpecError("stepMinutes", `the grid would have ${count} points (at most ${MAX_GRID_POINTS}): choose a larger step or a shorter window`);
  }
  return { first: anchor + kFirst * stepMs, stepMs, count };
}

export function gridTimes(grid: Grid): Float64Array {
  const time = new Float64Array(grid.count);
  for (let k = 0; k < grid.count; k++) time[k] = grid.first + k * grid.stepMs;
  return time;
}

/**
 * The grid of docs/recipe-v1.md#resample for sorted times: anchored at floorToHour(start ?? t_first) plus the
 * offset; without `start` it begins at the anchor (possibly before t_first), with `start` at
 * the first anchor point >= start; it ends at the last point <= (end ?? t_last).
 */
export function resampleGrid(time: Float64Array, stepMs: number, offsetMs: number, startMs?: number, endMs?: number): Grid {
  const reference = startMs ?? time[0];
  const last = endMs ?? time[time.length - 1];
  if (reference === undefined || last === undefined) return { first: 0, stepMs, count: 0 };
  const anchor = gridAnchor(reference, stepMs, offsetMs);
  return gridBetween(anchor, stepMs, startMs ?? anchor, last);
}

type WindowMethod = Exclude<ResampleMethod, "linear" | "nearestMaxDelta">;

/** Window `(g - before, g + after)` with each end open or closed. */
interface WindowShape {
  before: number;
  after: number;
  includeStart: boolean;
  includeEnd: boolean;
}

function windowShape(method: WindowMethod, window: ResampleWindow, stepMs: number): WindowShape {
  if (window === "trailing") return { before: stepMs, after: 0, includeStart: false, includeEnd: true };
  if (window === "leading") return { before: 0, after: stepMs, includeStart: true, includeEnd: false };
  const closed = method === "mean" || method === "nearest" || method === "nearestMean";
  return { before: stepMs / 2, after: stepMs / 2, includeStart: true, includeEnd: closed };
}

/** For each grid point k, the rows of its window are from[k] … to[k]-1 (both pointers only move forward). */
function windowRanges(time: Float64Array, grid: Float64Array, shape: WindowShape): { from: Uint32Array; to: Uint32Array } {
  const from = new Uint32Array(grid.length);
  const to = new Uint32Array(grid.length);
  const n = time.length;
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < grid.length; k++) {
    const start = grid[k] - shape.before;
    const end = grid[k] + shape.after;
    if (shape.includeStart) while (lo < n && time[lo] < start) lo++;
    else while (lo < n && time[lo] <= start) lo++;
    if (hi < lo) hi = lo;
    if (shape.includeEnd) while (hi < n && time[hi] <= end) hi++;
    else while (hi < n && time[hi] < end) hi++;
    from[k] = lo;
    to[k] = hi;
  }
  return { from, to };
}

/** Reduces the non-missing values of rows from…to-1 around grid point g; NaN for none (count: 0). */
type WindowReducer = (values: Float64Array, time: Float64Array, from: number, to: number, g: number) => number;

/** Sum and count of the present values, combined by `finish`. */
function summing(finish: (sum: number, count: number) => number): WindowReducer {
  return (values, _time, from, to) => {
    let sum = 0;
    let count = 0;
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (v === v) {
        sum += v;
        count++;
      }
    }
    return finish(sum, count);
  };
}

function windowReducer(method: WindowMethod, scratch: Float64Array): WindowReducer {
  switch (method) {
    case "mean":
      return summing((sum, count) => (count === 0 ? NaN : sum / count));
    case "sum":
      return summing((sum, count) => (count === 0 ? NaN : sum));
    case "count":
      return summing((_sum, count) => count);
    case "min":
      return (values, _time, from, to) => {
        let best = NaN;
        for (let i = from; i < to; i++) if (values[i] < best || best !== best) best = values[i];
        return best;
      };
    case "max":
      return (values, _time, from, to) => {
        let best = NaN;
        for (let i = from; i < to; i++) if (values[i] > best || best !== best) best = values[i];
        return best;
      };
    case "first":
      return (values, _time, from, to) => {
        for (let i = from; i < to; i++) if (values[i] === values[i]) return values[i];
        return NaN;
      };
    case "last":
      return (values, _time, from, to) => {
        for (let i = to - 1; i >= from; i--) if (values[i] === values[i]) return values[i];
        return NaN;
      };
    case "median":
      return (values, _time, from, to) => {
        let count = 0;
        for (let i = from; i < to; i++) if (values[i] === values[i]) scratch[count++] = values[i];
        return medianInPlace(scratch, count);
      };
    case "nearest":
      // Rows are ascending, so a strict comparison keeps the earlier of two equally near values.
      return (values, time, from, to, g) => {
        let best = NaN;
        let bestDistance = Infinity;
        for (let i = from; i < to; i++) {
          const distance = Math.abs(g - time[i]);
          if (values[i] === values[i] && distance < bestDistance) {
            best = values[i];
            bestDistance = distance;
          }
        }
        return best;
      };
    case "nearestMean":
      return (values, time, from, to, g) => {
        let sum = 0;
        let count = 0;
        let bestDistance = Infinity;
        for (let i = from; i < to; i++) {
          if (values[i] !== values[i]) continue;
          const distance = Math.abs(g - time[i]);
          if (distance < bestDistance) {
            bestDistance = distance;
            sum = values[i];
            count = 1;
          } else if (distance === bestDistance) {
            sum += values[i];
            count++;
          }
        }
        return count === 0 ? NaN : sum / count;
      };
  }
}

/**
 * linear / nearestMaxDelta: prior = last non-missing sample with t <= g, next = first with
 * t >= g; see docs/recipe-v1.md#resample for the gap and equal-value rules.
 */
function interpolateColumn(time: Float64Array, values: Float64Array, grid: Float64Array, nearest: boolean, maxGapMinutes?: number): Float64Array {
  const out = new Float64Array(grid.length);
  const n = time.length;
  let scan = 0;
  let prior = -1;
  let next = 0;
  for (let k = 0; k < grid.length; k++) {
    const g = grid[k];
    for (; scan < n && time[scan] <= g; scan++) if (values[scan] === values[scan]) prior = scan;
    while (next < n && (time[next] < g || values[next] !== values[next])) next++;
    if (prior < 0 || next >= n) {
      out[k] = NaN;
      continue;
    }
    const before = values[prior];
    const after = values[next];
    const delta = time[next] - time[prior];
    const withinGap = maxGapMinutes === undefined || msToMinutes(delta) <= maxGapMinutes;
    if (delta === 0 || (before === after && withinGap)) out[k] = before;
    else if (!withinGap) out[k] = NaN;
    else if (nearest) out[k] = g - time[prior] < time[next] - g ? before : after;
    else out[k] = before + (after - before) * ((g - time[prior]) / delta);
  }
  return out;
}

export interface ResampleOptions {
  method: ResampleMethod;
  window?: ResampleWindow;
  maxGapMinutes?: number;
  stepMs: number;
}

/** Values of each column (sorted `time`) on the given grid points, by the rules of one method. */
export function resampleColumns(time: Float64Array, columns: readonly Float64Array[], grid: Float64Array, options: ResampleOptions): Float64Array[] {
  const { method } = options;
  if (method === "linear" || method === "nearestMaxDelta") {
    return columns.map((values) => interpolateColumn(time, values, grid, method === "nearestMaxDelta", options.maxGapMinutes));
  }
  const { from, to } = windowRanges(time, grid, windowShape(method, options.window ?? "centered", options.stepMs));
  let widest = 0;
  for (let k = 0; k < grid.length; k++) widest = Math.max(widest, to[k] - from[k]);
  const reduce = windowReducer(method, new Float64Array(method === "median" ? widest : 0));
  return columns.map((values) => {
    const out = new Float64Array(grid.length);
    for (let k = 0; k < grid.length; k++) out[k] = reduce(values, time, from[k], to[k], grid[k]);
    return out;
  });
}

/** Puts every column on the regular grid of docs/recipe-v1.md#resample (rows outside [start, end] are dropped first). */
export function resample(frame: Frame, step: Omit<ResampleStep, "op">): Frame {
  const startMs = step.start === undefined ? undefined : parseIsoInstant(step.start);
  const endMs = step.end === undefined ? undefined : parseIsoInstant(step.end);
  const input = startMs === undefined && endMs === undefined ? sortedInput(frame) : cropRows(frame, startMs, endMs);
  const stepMs = minutesToMs(step.stepMinutes);
  const grid = resampleGrid(input.time, stepMs, minutesToMs(step.offsetMinutes ?? 0), startMs, endMs);
  const time = gridTimes(grid);
  const values = resampleColumns(
    input.time,
    input.columns.map((column) => column.values),
    time,
    { method: step.method, window: step.window, maxGapMinutes: step.maxGapMinutes, stepMs },
  );
  return { time, columns: input.columns.map((column, c) => ({ ...column, values: values[c] })) };
}
