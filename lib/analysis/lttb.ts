/**
 * Largest-Triangle-Three-Buckets downsampling for charts: the indices of at most
 * `threshold` points that keep the visual shape of (x, y). Points with a missing x or y are
 * skipped; the first and last remaining points are always kept. Indices are ascending.
 */
export function lttbIndices(x: Float64Array, y: Float64Array, threshold: number): Uint32Array {
  const valid = new Uint32Array(x.length);
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i] && y[i] === y[i]) valid[n++] = i;
  if (threshold >= n || threshold < 3) return valid.slice(0, n);
  const picked = new Uint32Array(threshold);
  const bucketSize = (n - 2) / (threshold - 2);
  let a = 0;
  picked[0] = valid[0];
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    // The average of the next bucket is the third corner of the triangle.
    const nextStart = Math.floor((bucket + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, n);
    let averageX = 0;
    let averageY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      averageX += x[valid[j]];
      averageY += y[valid[j]];
    }
    const nextCount = nextEnd - nextStart;
    averageX /= nextCount;
    averageY /= nextCount;
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    const ax = x[valid[a]];
    const ay = y[valid[a]];
    let bestArea = -1;
    let best = start;
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - averageX) * (y[valid[j]] - ay) - (ax - x[valid[j]]) * (averageY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    picked[bucket + 1] = valid[best];
    a = best;
  }
  picked[threshold - 1] = valid[n - 1];
  return picked;
}
