/** First index with time[i] >= t (time ascending). */
export function lowerBound(time: Float64Array, t: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with time[i] > t (time ascending). */
export function upperBound(time: Float64Array, t: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index range [lo, hi) of the rows with from <= t <= to (an absent bound is open). */
export function timeRangeIndices(time: Float64Array, from?: number, to?: number): { lo: number; hi: number } {
  const lo = from === undefined ? 0 : lowerBound(time, from);
  const hi = to === undefined ? time.length : upperBound(time, to);
  return { lo, hi: Math.max(lo, hi) };
}
