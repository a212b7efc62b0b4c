import type { Frame } from "@/lib/series/frame";
import { detectStepMinutes, offsetMinutes } from "./time-step";

export interface ColumnAnalysis {
  name: string;
  unit?: string;
  /** Rows with a number in this column. */
  numeric: number;
  missing: number;
  /** numeric / rows, 0…1; null for an empty series. */
  numericShare: number | null;
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** A stretch without rows longer than two time steps: from the row before it to the row after it. */
export interface TimeGap {
  from: number;
  to: number;
  minutes: number;
}

export interface SeriesAnalysis {
  /** First and last timestamp (UTC epoch ms); null for an empty series. */
  start: number | null;
  end: number | null;
  rows: number;
  /** Numbers over all value cells, and their share of rows × columns (null without cells). */
  numeric: number;
  numericShare: number | null;
  /** Most common interval between consecutive timestamps, minutes; null with fewer than two distinct timestamps. */
  stepMinutes: number | null;
  /** Minutes past the full hour of the first timestamp, modulo the step; null for an empty series. */
  offsetMinutes: number | null;
  /** Every gap longer than two steps, in time order, at most `maxGaps` of them. */
  gaps: TimeGap[];
  gapCount: number;
  columns: ColumnAnalysis[];
}

function analyseColumn(name: string, unit: string | undefined, values: Float64Array): ColumnAnalysis {
  let numeric = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    numeric++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return {
    name,
    ...(unit === undefined ? {} : { unit }),
    numeric,
    missing: values.length - numeric,
    numericShare: values.length === 0 ? null : numeric / values.length,
    min: numeric === 0 ? null : min,
    max: numeric === 0 ? null : max,
    mean: numeric === 0 ? null : sum / numeric,
  };
}

/** The analysis of a frame with ascending time, the original's "info" (docs/architecture.md#data-flow). */
export function analyseSeries(frame: Frame, maxGaps = 1000): SeriesAnalysis {
  const { time } = frame;
  const rows = time.length;
  const stepMinutes = detectStepMinutes(time);
  const gaps: TimeGap[] = [];
  let gapCount = 0;
  if (stepMinutes !== null) {
    const longest = 2 * stepMinutes * 60_000;
    for (let i = 1; i < rows; i++) {
      const interval = time[i] - time[i - 1];
      if (interval <= longest) continue;
      gapCount++;
      if (gaps.length < maxGaps) gaps.push({ from: time[i - 1], to: time[i], minutes: interval / 60_000 });
    }
  }
  const columns = frame.columns.map((column) => analyseColumn(column.name, column.unit, column.values));
  const numeric = columns.reduce((total, column) => total + column.numeric, 0);
  const cells = rows * columns.length;
  return {
    start: rows === 0 ? null : time[0],
    end: rows === 0 ? null : time[rows - 1],
    rows,
    numeric,
    numericShare: cells === 0 ? null : numeric / cells,
    stepMinutes,
    offsetMinutes: rows === 0 ? null : offsetMinutes(time[0], stepMinutes),
    gaps,
    gapCount,
    columns,
  };
}
