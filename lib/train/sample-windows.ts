import type { Matrix } from "./matrix";
import { lowerBound, upperBound } from "./sorted-search";
import type { StepsConfig, WindowMethod } from "./training-config";

/**
 * Sample construction of the training contract: reference times anchored to the hour plus
 * the offset, advancing by `stepMinutes`; for each series a window of values relative to
 * each reference time; samples with any missing value are skipped and counted per series.
 */

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** One series (ascending UTC epoch ms, NaN = missing). */
export interface SeriesData {
  time: Float64Array;
  values: Float64Array;
}

export interface WindowSpec {
  startHours: number;
  endHours: number;
  method: WindowMethod;
}

export interface WindowedSeries {
  series: SeriesData;
  window: WindowSpec;
}

export interface SampleWindows {
  /** Reference time of each kept sample (UTC epoch ms, ascending). */
  referenceTime: Float64Array;
  /** One row per kept sample: the input series' windows side by side, in config order. */
  inputs: Matrix;
  /** One row per kept sample: the output series' windows side by side, in config order. */
  outputs: Matrix;
  /** Reference times whose windows all fit inside the data. */
  candidates: number;
  /** Candidates dropped because some window value was missing. */
  skipped: number;
  /** Per series, the number of candidates with a missing value in its window (why samples were skipped). */
  skippedBySeries: { inputs: number[]; outputs: number[] };
}

/** Times of a window's values relative to the reference time, in ms. */
export function windowOffsetsMs(window: WindowSpec, steps: number): Float64Array {
  const offsets = new Float64Array(steps);
  if (steps === 1) {
    offsets[0] = window.endHours * HOUR_MS;
    return offsets;
  }
  const spanMs = (window.endHours - window.startHours) * HOUR_MS;
  for (let k = 0; k < steps; k++) offsets[k] = window.startHours * HOUR_MS + (k * spanMs) / (steps - 1);
  return offsets;
}

/** The part of the time axis a window reads, relative to the reference time, in ms. */
export function windowReach(window: WindowSpec, steps: number): { from: number; to: number } {
  if (window.method === "mean" || steps > 1) return { from: window.startHours * HOUR_MS, to: window.endHours * HOUR_MS };
  return { from: window.endHours * HOUR_MS, to: window.endHours * HOUR_MS };
}

/** Linear interpolation in time between the neighbouring rows; a missing neighbour gives NaN. */
function interpolateLinear(series: SeriesData, target: number, from: number): { value: number; index: number } {
  const { time, values } = series;
  const i = lowerBound(time, target, from);
  if (i < time.length && time[i] === target) return { value: values[i], index: i };
  if (i === 0 || i === time.length) return { value: NaN, index: i };
  const t0 = time[i - 1];
  const v0 = values[i - 1];
  return { value: v0 + ((values[i] - v0) * (target - t0)) / (time[i] - t0), index: i - 1 };
}

/** The nearest non-missing row within `toleranceMs` (the earlier one on a tie). */
function nearestValue(series: SeriesData, target: number, from: number, toleranceMs: number): { value: number; index: number } {
  const { time, values } = series;
  const i = lowerBound(time, target, from);
  const before = i - 1;
  const distanceBefore = before >= 0 && !Number.isNaN(values[before]) ? target - time[before] : Infinity;
  const distanceAfter = i < time.length && !Number.isNaN(values[i]) ? time[i] - target : Infinity;
  const start = Math.max(0, before);
  if (distanceBefore <= distanceAfter) return { value: distanceBefore <= toleranceMs ? values[before] : NaN, index: start };
  return { value: distanceAfter <= toleranceMs ? values[i] : NaN, index: start };
}

/** Prefix sums over non-missing values, so that each window mean costs two binary searches. */
function prefixSums(values: Float64Array): { sums: Float64Array; counts: Float64Array } {
  const sums = new Float64Array(values.length + 1);
  const counts = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const present = !Number.isNaN(v);
    sums[i + 1] = sums[i] + (present ? v : 0);
    counts[i + 1] = counts[i] + (present ? 1 : 0);
  }
  return { sums, counts };
}

interface PreparedSeries {
  series: SeriesData;
  window: WindowSpec;
  steps: number;
  offsets: Float64Array;
  reach: { from: number; to: number };
  toleranceMs: number;
  prefix: { sums: Float64Array; counts: Float64Array } | null;
}

function prepare(windowed: WindowedSeries, steps: number, stepMinutes: number): PreparedSeries {
  const { window } = windowed;
  const spacingMs = steps > 1 ? ((window.endHours - window.startHours) * HOUR_MS) / (steps - 1) : stepMinutes * MINUTE_MS;
  return {
    series: windowed.series,
    window,
    steps,
    offsets: windowOffsetsMs(window, steps),
    reach: windowReach(window, steps),
    toleranceMs: spacingMs / 2,
    prefix: window.method === "mean" ? prefixSums(windowed.series.values) : null,
  };
}

/** Writes the window of one series at `referenceTime` into `target[at…]`; false if a value is missing. */
function fillWindow(prepared: PreparedSeries, referenceTime: number, target: Float64Array, at: number): boolean {
  const { series, steps, offsets } = prepared;
  if (prepared.prefix) {
    const lo = lowerBound(series.time, referenceTime + prepared.reach.from);
    const hi = upperBound(series.time, referenceTime + prepared.reach.to, lo);
    const count = prepared.prefix.counts[hi] - prepared.prefix.counts[lo];
    if (count === 0) return false;
    target.fill((prepared.prefix.sums[hi] - prepared.prefix.sums[lo]) / count, at, at + steps);
    return true;
  }
  let hint = 0;
  for (let k = 0; k < steps; k++) {
    const moment = referenceTime + offsets[k];
    const found =
      prepared.window.method === "nearest"
        ? nearestValue(series, moment, hint, prepared.toleranceMs)
        : interpolateLinear(series, moment, hint);
    if (Number.isNaN(found.value)) return false;
    target[at + k] = found.value;
    hint = found.index;
  }
  return true;
}

/** Reference times of the contract: the anchored grid, restricted to where every window fits. */
export function referenceTimes(all: { series: SeriesData; reach: { from: number; to: number } }[], steps: StepsConfig): Float64Array {
  if (all.some((entry) => entry.series.time.length === 0)) return new Float64Array(0);
  const firstCommon = Math.max(...all.map((entry) => entry.series.time[0]));
  const anchor = Math.floor(firstCommon / HOUR_MS) * HOUR_MS + steps.offsetMinutes * MINUTE_MS;
  const earliest = Math.max(...all.map((entry) => entry.series.time[0] - entry.reach.from));
  const latest = Math.min(...all.map((entry) => entry.series.time[entry.series.time.length - 1] - entry.reach.to));
  const strideMs = steps.stepMinutes * MINUTE_MS;
  // A tiny tolerance keeps float noise in the division from skipping a grid point that fits exactly.
  const firstIndex = Math.max(0, Math.ceil((earliest - anchor) / strideMs - 1e-9));
  const lastIndex = Math.floor((latest - anchor) / strideMs + 1e-9);
  const count = Math.max(0, lastIndex - firstIndex + 1);
  const times = new Float64Array(count);
  for (let k = 0; k < count; k++) times[k] = anchor + (firstIndex + k) * strideMs;
  return times;
}

export function buildSampleWindows(
  inputs: WindowedSeries[],
  outputs: WindowedSeries[],
  steps: StepsConfig,
  signal?: AbortSignal,
): SampleWindows {
  const preparedInputs = inputs.map((entry) => prepare(entry, steps.inputSteps, steps.stepMinutes));
  const preparedOutputs = outputs.map((entry) => prepare(entry, steps.outputSteps, steps.stepMinutes));
  const candidates = referenceTimes([...preparedInputs, ...preparedOutputs], steps);
  const inputWidth = preparedInputs.length * steps.inputSteps;
  const outputWidth = preparedOutputs.length * steps.outputSteps;
  const inputData = new Float64Array(candidates.length * inputWidth);
  const outputData = new Float64Array(candidates.length * outputWidth);
  const kept = new Float64Array(candidates.length);
  const skippedBySeries = { inputs: preparedInputs.map(() => 0), outputs: preparedOutputs.map(() => 0) };
  let rows = 0;
  for (let c = 0; c < candidates.length; c++) {
    if ((c & 4095) === 0) signal?.throwIfAborted();
    const t = candidates[c];
    let complete = true;
    for (let s = 0; s < preparedInputs.length; s++) {
      if (!fillWindow(preparedInputs[s], t, inputData, rows * inputWidth + s * steps.inputSteps)) {
        skippedBySeries.inputs[s]++;
        complete = false;
      }
    }
    for (let s = 0; s < preparedOutputs.length; s++) {
      if (!fillWindow(preparedOutputs[s], t, outputData, rows * outputWidth + s * steps.outputSteps)) {
        skippedBySeries.outputs[s]++;
        complete = false;
      }
    }
    if (complete) kept[rows++] = t;
  }
  return {
    referenceTime: kept.slice(0, rows),
    inputs: { rows, cols: inputWidth, data: inputData.slice(0, rows * inputWidth) },
    outputs: { rows, cols: outputWidth, data: outputData.slice(0, rows * outputWidth) },
    candidates: candidates.length,
    skipped: candidates.length - rows,
    skippedBySeries,
  };
}
