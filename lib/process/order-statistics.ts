/** Quantiles and medians on Float64Arrays without allocating per call. */

/** The p-quantile of ascending `sorted[0..n)` with linear interpolation (numpy's default). */
export function linearQuantile(sorted: Float64Array, p: number, n = sorted.length): number {
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, n - 1);
  return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
}

/** The median of ascending `sorted[0..n)`: the middle value, or the mean of the two middle ones. */
export function sortedMedian(sorted: Float64Array, n = sorted.length): number {
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rearranges buffer[0..n) so that buffer[k] is the k-th smallest (Hoare's quickselect). */
function selectInPlace(buffer: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = buffer[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (buffer[i] < pivot) i++;
      while (buffer[j] > pivot) j--;
      if (i <= j) {
        const swap = buffer[i];
        buffer[i] = buffer[j];
        buffer[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return buffer[k];
}

/** The median of buffer[0..n) (no NaN inside), reordering the buffer. */
export function medianInPlace(buffer: Float64Array, n: number): number {
  if (n === 0) return NaN;
  const mid = n >> 1;
  const upper = selectInPlace(buffer, n, mid);
  if (n % 2 === 1) return upper;
  // After selection every element before `mid` is <= buffer[mid]; the lower middle is their maximum.
  let lower = buffer[0];
  for (let i = 1; i < mid; i++) if (buffer[i] > lower) lower = buffer[i];
  return (lower + upper) / 2;
}

/**
 * The median absolute deviation from `median` of ascending sorted[0..n), in O(n) by
 * merging the deviations below and above the median, which are each already ordered.
 */
export function sortedMedianAbsoluteDeviation(sorted: Float64Array, n: number, median: number): number {
  if (n === 0) return NaN;
  let below = 0;
  while (below < n && sorted[below] < median) below++;
  let above = below;
  below--;
  const mid = n >> 1;
  let previous = NaN;
  let current = NaN;
  for (let k = 0; k <= mid; k++) {
    const fromBelow = below >= 0 ? median - sorted[below] : Infinity;
    const fromAbove = above < n ? sorted[above] - median : Infinity;
    previous = current;
    if (fromBelow <= fromAbove) {
      current = fromBelow;
      below--;
    } else {
      current = fromAbove;
      above++;
    }
  }
  return n % 2 === 1 ? current : (previous + current) / 2;
}
