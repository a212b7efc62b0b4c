import type { RawPoints } from "@/lib/contracts/raw-points";
import type { Frame } from "./frame";
import { timeRangeIndices } from "./time-bounds";

/** The rows of `frame` with from <= t <= to as JSON-safe raw points; none when there are more than `limit`. */
export function rawPointsOf(frame: Frame, request: { from?: number; to?: number; limit: number }): RawPoints {
  const { lo, hi } = timeRangeIndices(frame.time, request.from, request.to);
  const rowsInRange = hi - lo;
  const fits = rowsInRange <= request.limit;
  return {
    rowsInRange,
    limit: request.limit,
    time: fits ? Array.from(frame.time.subarray(lo, hi)) : null,
    columns: frame.columns.map((column) => ({
      name: column.name,
      ...(column.unit ? { unit: column.unit } : {}),
      values: fits ? Array.from(column.values.subarray(lo, hi), (v) => (v === v ? v : null)) : [],
    })),
  };
}

/** The frame of raw points (null = missing → NaN); null when the range held too many rows. */
export function frameOfRawPoints(points: RawPoints): Frame | null {
  if (!points.time) return null;
  return {
    time: Float64Array.from(points.time),
    columns: points.columns.map((column) => ({
      name: column.name,
      ...(column.unit ? { unit: column.unit } : {}),
      values: Float64Array.from(column.values, (v) => (v === null ? NaN : v)),
    })),
  };
}
