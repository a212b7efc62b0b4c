import "server-only";
import { lttbIndices } from "@/lib/analysis/lttb";
import type { SeriesQuery, SeriesResponse } from "@/lib/contracts/dataset-view";
import type { Frame } from "@/lib/series/frame";

/** First index with time[i] >= t. */
function lowerBound(time: Float64Array, t: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with time[i] > t. */
function upperBound(time: Float64Array, t: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class UnknownColumnError extends Error {}

/**
 * Chart points for the chosen columns over [from, to]: LTTB keeps about `points` of them
 * per column (all of them when the range holds fewer), values as they are. Wherever the
 * kept points skip over missing values or a time gap longer than two steps that spans at
 * least two pixels' worth of time, a null point breaks the line (at full detail every
 * missing value is a break; in an overview only the gaps one can see).
 */
export function seriesPoints(
  frame: Frame,
  request: SeriesQuery,
  stepMinutes: number | null,
): SeriesResponse {
  const { time } = frame;
  const names = request.columns.length > 0 ? request.columns : frame.columns.slice(0, 2).map((column) => column.name);
  const chosen = names.map((name) => {
    const column = frame.columns.find((candidate) => candidate.name === name);
    if (!column) throw new UnknownColumnError(`There is no column '${name}' in this dataset.`);
    return column;
  });
  const lo = request.from === undefined ? 0 : lowerBound(time, request.from);
  const hi = request.to === undefined ? time.length : upperBound(time, request.to);
  const x = time.subarray(lo, Math.max(lo, hi));
  const gapLimit = stepMinutes ? 2 * stepMinutes * 60_000 : Infinity;
  // A break is drawn where it would be visible: at least two pixels' worth of time.
  const visible = x.length > 1 ? (2 * (x[x.length - 1] - x[0])) / request.points : 0;
  const breaks = new Int32Array(x.length);
  const series = chosen.map((column) => {
    const y = column.values.subarray(lo, Math.max(lo, hi));
    let running = 0;
    let previous = -1;
    for (let i = 0; i < y.length; i++) {
      if (y[i] !== y[i]) continue;
      if (previous >= 0) {
        const span = x[i] - x[previous];
        if ((i - previous > 1 || span > gapLimit) && span >= visible) running++;
      }
      breaks[i] = running;
      previous = i;
    }
    const picked = lttbIndices(x, y, request.points);
    const points: [number, number | null][] = [];
    for (let k = 0; k < picked.length; k++) {
      const i = picked[k];
      if (k > 0 && breaks[i] - breaks[picked[k - 1]] > 0) points.push([(x[picked[k - 1]] + x[i]) / 2, null]);
      points.push([x[i], y[i]]);
    }
    return column.unit ? { name: column.name, unit: column.unit, points } : { name: column.name, points };
  });
  return { from: x.length ? x[0] : null, to: x.length ? x[x.length - 1] : null, rowsInRange: x.length, series };
}
