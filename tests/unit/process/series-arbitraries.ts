import fc from "fast-check";
import type { Frame } from "@/lib/series/frame";

/** 2024-01-01T00:00:00Z */
export const JAN_1_2024 = Date.UTC(2024, 0, 1);
export const MINUTE = 60_000;

export interface Series {
  time: Float64Array;
  values: Float64Array;
}

const interval = fc.oneof(
  { arbitrary: fc.constant(0), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 120 }).map((s) => s * 1000), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 45 }).map((m) => m * MINUTE), weight: 4 },
  { arbitrary: fc.constantFrom(7.5 * MINUTE, 15 * MINUTE, 30 * MINUTE), weight: 2 },
);

const value = fc.oneof(
  { arbitrary: fc.constant(NaN), weight: 2 },
  { arbitrary: fc.integer({ min: -3, max: 3 }), weight: 4 },
  { arbitrary: fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }), weight: 3 },
);

/** Irregular sorted series with repeated timestamps, repeated values and missing values. */
export const irregularSeries = (maxLength = 40) =>
  fc
    .record({
      start: fc.integer({ min: JAN_1_2024 - 2 * 3_600_000, max: JAN_1_2024 + 2 * 3_600_000 }),
      rows: fc.array(fc.record({ gap: interval, value }), { maxLength }),
    })
    .map(({ start, rows }): Series => {
      const time = new Float64Array(rows.length);
      let t = start;
      rows.forEach((row, i) => {
        t += i === 0 ? 0 : row.gap;
        time[i] = t;
      });
      return { time, values: Float64Array.from(rows, (row) => row.value) };
    });

export function frameOf(series: Series, name = "v"): Frame {
  return { time: series.time, columns: [{ name, values: series.values }] };
}

/** Equal as numbers, NaN equal to NaN, within a relative tolerance for values computed in another order. */
export function sameNumbers(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 0): boolean {
  if (actual.length !== expected.length) return false;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(a) || Number.isNaN(e)) {
      if (!(Number.isNaN(a) && Number.isNaN(e))) return false;
    } else if (Math.abs(a - e) > tolerance * Math.max(1, Math.abs(e))) return false;
  }
  return true;
}

export const t = (iso: string) => Date.parse(iso);
export const times = (...isos: string[]) => Float64Array.from(isos, t);
export const values = (...vs: number[]) => Float64Array.from(vs);
