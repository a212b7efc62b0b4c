import { createSeededRandom, seededPermutation } from "./seeded-random";
import { isDateSplit, type SplitConfig } from "./training-config";

/**
 * The split of the contract. Fractions: `round(train·n)` and `round(validation·n)` samples in
 * time order (or after a seeded Mulberry32/Fisher–Yates shuffle), the test part the rest.
 * Dates: a sample belongs to the part whose range `[from, to)` holds all of its output times
 * (training from the first sample); straddling samples and those past `until` are dropped.
 * Every part lists its sample indices in ascending (time) order.
 */
export interface SampleSplit {
  train: Uint32Array;
  validation: Uint32Array;
  test: Uint32Array;
  dropped: number;
}

/** `outputReachMs`: the earliest and latest output time relative to the reference time. */
export function splitSamples(
  referenceTime: Float64Array,
  split: SplitConfig,
  outputReachMs: { from: number; to: number },
): SampleSplit {
  const n = referenceTime.length;
  if (isDateSplit(split)) {
    const validationFrom = Date.parse(split.validationFrom);
    const testFrom = Date.parse(split.testFrom);
    const until = split.until === undefined ? Infinity : Date.parse(split.until);
    const parts: number[][] = [[], [], []];
    let dropped = 0;
    for (let i = 0; i < n; i++) {
      const first = referenceTime[i] + outputReachMs.from;
      const last = referenceTime[i] + outputReachMs.to;
      if (last < validationFrom) parts[0].push(i);
      else if (first >= validationFrom && last < testFrom) parts[1].push(i);
      else if (first >= testFrom && last < until) parts[2].push(i);
      else dropped++;
    }
    return { train: Uint32Array.from(parts[0]), validation: Uint32Array.from(parts[1]), test: Uint32Array.from(parts[2]), dropped };
  }
  const order = split.shuffle ? seededPermutation(n, createSeededRandom(split.seed)) : Uint32Array.from({ length: n }, (_, i) => i);
  const trainCount = Math.round(split.train * n);
  const validationCount = Math.min(n - trainCount, Math.round(split.validation * n));
  const ascending = (part: Uint32Array) => part.sort();
  return {
    train: ascending(order.slice(0, trainCount)),
    validation: ascending(order.slice(trainCount, trainCount + validationCount)),
    test: ascending(order.slice(trainCount + validationCount)),
    dropped: 0,
  };
}
