/** First index in `[from, sorted.length)` whose value is `>= target` (sorted.length if none). */
export function lowerBound(sorted: Float64Array, target: number, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in `[from, sorted.length)` whose value is `> target` (sorted.length if none). */
export function upperBound(sorted: Float64Array, target: number, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
