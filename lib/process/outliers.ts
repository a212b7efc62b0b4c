import type { Frame } from "@/lib/series/frame";
import { transformColumns } from "./frame-input";
import { linearQuantile, sortedMedian, sortedMedianAbsoluteDeviation } from "./order-statistics";
import { DEFAULT_OUTLIER_THRESHOLD, type OutliersStep } from "./recipe";
import { minutesToMs } from "./time";

/** The non-missing values, ascending. */
function sortedValid(values: Float64Array): Float64Array {
  let n = 0;
  const valid = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) valid[n++] = values[i];
  return valid.subarray(0, n).sort();
}

function removeOutside(values: Float64Array, low: number, high: number): Float64Array {
  const out = values.slice();
  for (let i = 0; i < out.length; i++) if (out[i] < low || out[i] > high) out[i] = NaN;
  return out;
}

/** `abs(v - mean) > k·std` (sample standard deviation) becomes missing; fewer than two values or std 0 remove nothing. */
export function removeZscoreOutliers(values: Float64Array, k: number): Float64Array {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) {
      n++;
      sum += values[i];
    }
  }
  if (n < 2) return values.slice();
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) squares += (values[i] - mean) ** 2;
  const std = Math.sqrt(squares / (n - 1));
  if (std === 0) return values.slice();
  const out = values.slice();
  for (let i = 0; i < out.length; i++) if (Math.abs(out[i] - mean) > k * std) out[i] = NaN;
  return out;
}

/** Outside `[Q1 - k·IQR, Q3 + k·IQR]` (linear quantiles) becomes missing. */
export function removeIqrOutliers(values: Float64Array, k: number): Float64Array {
  const sorted = sortedValid(values);
  if (sorted.length === 0) return values.slice();
  const q1 = linearQuantile(sorted, 0.25);
  const q3 = linearQuantile(sorted, 0.75);
  const iqr = q3 - q1;
  return removeOutside(values, q1 - k * iqr, q3 + k * iqr);
}

/** Scale that makes the MAD a consistent estimator of the standard deviation for normal data. */
const MAD_SCALE = 1.4826;

/**
 * Hampel filter: `abs(v - median) > k·1.4826·MAD` over the non-missing values in the
 * centred window `[t - w/2, t + w/2]` becomes missing. All decisions use the input values.
 * The window slides over the sorted series; its values are kept in an ascending buffer.
 */
export function removeHampelOutliers(time: Float64Array, values: Float64Array, k: number, windowMinutes: number): Float64Array {
  const out = values.slice();
  const half = minutesToMs(windowMinutes) / 2;
  const window = new Float64Array(values.length);
  let size = 0;
  let lo = 0;
  let hi = 0;
  const insert = (v: number) => {
    let at = size;
    while (at > 0 && window[at - 1] > v) at--;
    window.copyWithin(at + 1, at, size);
    window[at] = v;
    size++;
  };
  const remove = (v: number) => {
    let at = 0;
    while (window[at] !== v) at++;
    window.copyWithin(at, at + 1, size);
    size--;
  };
  for (let i = 0; i < values.length; i++) {
    while (hi < values.length && time[hi] <= time[i] + half) {
      if (!Number.isNaN(values[hi])) insert(values[hi]);
      hi++;
    }
    while (time[lo] < time[i] - half) {
      if (!Number.isNaN(values[lo])) remove(values[lo]);
      lo++;
    }
    if (Number.isNaN(values[i])) continue;
    const median = sortedMedian(window, size);
    const mad = sortedMedianAbsoluteDeviation(window, size, median);
    if (Math.abs(values[i] - median) > k * MAD_SCALE * mad) out[i] = NaN;
  }
  return out;
}

export function outliers(frame: Frame, step: Omit<OutliersStep, "op">): Frame {
  const k = step.threshold ?? DEFAULT_OUTLIER_THRESHOLD[step.method];
  return transformColumns(frame, step.columns, (time, values) => {
    if (step.method === "zscore") return removeZscoreOutliers(values, k);
    if (step.method === "iqr") return removeIqrOutliers(values, k);
    return removeHampelOutliers(time, values, k, step.windowMinutes ?? 0);
  });
}
