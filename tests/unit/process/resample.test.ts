import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RESAMPLE_METHODS, RESAMPLE_WINDOWS, type ResampleMethod, type ResampleWindow } from "@/lib/process/recipe";
import { gridAnchor, gridBetween, resample, resampleGrid } from "@/lib/process/resample";
import { frameOf, irregularSeries, MINUTE, sameNumbers, t, times, values, type Series } from "./series-arbitraries";

const HOUR = 3_600_000;

/** The grid of docs/recipe-v1.md (resample), stepped one point at a time. */
function referenceGrid(time: number[], stepMinutes: number, offsetMinutes: number, start?: number, end?: number): number[] {
  const step = stepMinutes * MINUTE;
  if (time.length === 0 && (start === undefined || end === undefined)) return [];
  const reference = start ?? time[0];
  let g = Math.floor(reference / HOUR) * HOUR + (((offsetMinutes % stepMinutes) + stepMinutes) % stepMinutes) * MINUTE;
  if (start !== undefined) {
    while (g < start) g += step;
    while (g - step >= start) g -= step;
  }
  const last = end ?? time[time.length - 1];
  const grid: number[] = [];
  for (; g <= last; g += step) grid.push(g);
  return grid;
}

function inWindow(method: ResampleMethod, window: ResampleWindow, step: number, g: number, time: number): boolean {
  if (window === "trailing") return g - step < time && time <= g;
  if (window === "leading") return g <= time && time < g + step;
  if (method === "mean" || method === "nearest" || method === "nearestMean") return g - step / 2 <= time && time <= g + step / 2;
  return g - step / 2 <= time && time < g + step / 2;
}

/** One grid value computed from scratch over all samples. */
function referenceValue(method: ResampleMethod, window: ResampleWindow, series: { time: number[]; values: number[] }, g: number, step: number, maxGap?: number): number {
  const present = series.time.map((time, i) => ({ time, value: series.values[i] })).filter((p) => !Number.isNaN(p.value));
  if (method === "linear" || method === "nearestMaxDelta") {
    const prior = present.filter((p) => p.time <= g).at(-1);
    const next = present.find((p) => p.time >= g);
    if (!prior || !next) return NaN;
    const delta = next.time - prior.time;
    const withinGap = maxGap === undefined || delta / MINUTE <= maxGap;
    if (delta === 0) return prior.value;
    if (prior.value === next.value && withinGap) return prior.value;
    if (!withinGap) return NaN;
    if (method === "nearestMaxDelta") return g - prior.time < next.time - g ? prior.value : next.value;
    return prior.value + (next.value - prior.value) * ((g - prior.time) / delta);
  }
  const inside = present.filter((p) => inWindow(method, window, step, g, p.time));
  if (method === "count") return inside.length;
  if (inside.length === 0) return NaN;
  const vs = inside.map((p) => p.value);
  const distances = inside.map((p) => Math.abs(g - p.time));
  const nearestDistance = Math.min(...distances);
  switch (method) {
    case "mean":
      return vs.reduce((a, b) => a + b, 0) / vs.length;
    case "sum":
      return vs.reduce((a, b) => a + b, 0);
    case "min":
      return Math.min(...vs);
    case "max":
      return Math.max(...vs);
    case "first":
      return vs[0];
    case "last":
      return vs[vs.length - 1];
    case "median": {
      const s = [...vs].sort((a, b) => a - b);
      const m = s.length >> 1;
      return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
    case "nearest":
      return vs[distances.indexOf(nearestDistance)];
    case "nearestMean": {
      const tied = vs.filter((_, i) => distances[i] === nearestDistance);
      return tied.reduce((a, b) => a + b, 0) / tied.length;
    }
  }
}

const base = "2024-01-01T";
const at = (...clock: string[]) => times(...clock.map((c) => `${base}${c}Z`));
function run(series: Series, step: Parameters<typeof resample>[1]) {
  const result = resample(frameOf(series), step);
  return { time: Array.from(result.time, (time) => new Date(time).toISOString().slice(11, 19)), values: Array.from(result.columns[0].values) };
}

describe("resample: grid", () => {
  it("anchors at the full hour of the first timestamp plus the offset, possibly before it", () => {
    const grid = resampleGrid(at("10:07:00", "10:40:00"), 15 * MINUTE, 5 * MINUTE);
    expect(grid.first).toBe(t(`${base}10:05:00Z`));
    expect(grid.count).toBe(3);
  });

  it("starts at the anchor even when it is after the first timestamp", () => {
    expect(resampleGrid(at("10:03:00", "10:40:00"), 15 * MINUTE, 10 * MINUTE).first).toBe(t(`${base}10:10:00Z`));
  });

  it("reduces the offset modulo the step, negative offsets included", () => {
    expect(gridAnchor(t(`${base}10:30:00Z`), 15 * MINUTE, 50 * MINUTE)).toBe(t(`${base}10:05:00Z`));
    expect(gridAnchor(t(`${base}10:30:00Z`), 15 * MINUTE, -5 * MINUTE)).toBe(t(`${base}10:10:00Z`));
  });

  it("with start begins at the first anchor point at or after start and ends at the last point <= end", () => {
    const grid = resampleGrid(at("10:00:00"), 15 * MINUTE, 5 * MINUTE, t(`${base}10:06:00Z`), t(`${base}11:19:59Z`));
    expect(grid.first).toBe(t(`${base}10:20:00Z`));
    expect(grid.count).toBe(4);
    expect(resampleGrid(at("10:00:00"), 15 * MINUTE, 0, t(`${base}10:15:00Z`), t(`${base}10:15:00Z`))).toMatchObject({ first: t(`${base}10:15:00Z`), count: 1 });
  });

  it("works for steps that do not divide the hour", () => {
    const grid = gridBetween(t(`${base}10:00:00Z`), 7 * MINUTE, t(`${base}10:30:00Z`), t(`${base}11:00:00Z`));
    expect(grid.first).toBe(t(`${base}10:35:00Z`));
    expect(grid.count).toBe(4);
  });

  it("does not depend on the machine's time zone (half-hour UTC times floor to the UTC hour)", () => {
    expect(resampleGrid(at("05:45:00"), 60 * MINUTE, 0).first).toBe(t(`${base}05:00:00Z`));
  });
});

describe("resample: windows", () => {
  const s = { time: at("10:00:00", "10:07:30", "10:15:00", "10:22:30", "10:30:00"), values: values(1, 2, 4, 8, 16) };

  it("mean includes both ends of [g - step/2, g + step/2], so a boundary sample counts twice", () => {
    expect(run(s, { stepMinutes: 15, method: "mean" })).toEqual({ time: ["10:00:00", "10:15:00", "10:30:00"], values: [1.5, 14 / 3, 12] });
  });

  it("sum, count, min, max, median, first and last use [g - step/2, g + step/2)", () => {
    expect(run(s, { stepMinutes: 15, method: "sum" }).values).toEqual([1, 6, 24]);
    expect(run(s, { stepMinutes: 15, method: "count" }).values).toEqual([1, 2, 2]);
    expect(run(s, { stepMinutes: 15, method: "first" }).values).toEqual([1, 2, 8]);
    expect(run(s, { stepMinutes: 15, method: "last" }).values).toEqual([1, 4, 16]);
    expect(run(s, { stepMinutes: 15, method: "min" }).values).toEqual([1, 2, 8]);
    expect(run(s, { stepMinutes: 15, method: "max" }).values).toEqual([1, 4, 16]);
    expect(run(s, { stepMinutes: 15, method: "median" }).values).toEqual([1, 3, 12]);
  });

  it("trailing uses (g - step, g] and leading [g, g + step)", () => {
    expect(run(s, { stepMinutes: 15, method: "sum", window: "trailing" }).values).toEqual([1, 6, 24]);
    expect(run(s, { stepMinutes: 15, method: "first", window: "trailing" }).values).toEqual([1, 2, 8]);
    expect(run(s, { stepMinutes: 15, method: "sum", window: "leading" }).values).toEqual([3, 12, 16]);
    expect(run(s, { stepMinutes: 15, method: "mean", window: "leading" }).values).toEqual([1.5, 6, 16]);
    expect(run(s, { stepMinutes: 15, method: "nearest", window: "trailing" }).values).toEqual([1, 4, 16]);
  });

  it("gives missing for an empty window and 0 for count", () => {
    const sparse = { time: at("10:00:00", "11:00:00"), values: values(1, 2) };
    expect(run(sparse, { stepMinutes: 15, method: "mean" }).values).toEqual([1, NaN, NaN, NaN, 2]);
    expect(run(sparse, { stepMinutes: 15, method: "count" }).values).toEqual([1, 0, 0, 0, 1]);
  });

  it("skips missing values inside a window", () => {
    const gappy = { time: at("10:00:00", "10:01:00", "10:02:00"), values: values(NaN, 3, NaN) };
    expect(run(gappy, { stepMinutes: 15, method: "mean" }).values).toEqual([3]);
    expect(run(gappy, { stepMinutes: 15, method: "first" }).values).toEqual([3]);
    expect(run(gappy, { stepMinutes: 15, method: "count" }).values).toEqual([1]);
  });
});

describe("resample: nearest", () => {
  it("nearest takes the earlier of two equally near values, nearestMean their mean", () => {
    const s = { time: at("10:00:00", "10:05:00", "10:15:00"), values: values(9, 1, 3) };
    const grid = { stepMinutes: 20, offsetMinutes: 10 };
    expect(run(s, { ...grid, method: "nearest" }).values).toEqual([1]);
    expect(run(s, { ...grid, method: "nearestMean" }).values).toEqual([2]);
  });

  it("nearest uses the closed window, so a value exactly step/2 away counts", () => {
    const s = { time: at("10:00:00", "10:07:30"), values: values(5, 7) };
    expect(run(s, { stepMinutes: 15, method: "nearest" }).values).toEqual([5]);
    expect(run({ time: at("10:07:30", "10:20:00"), values: values(7, 8) }, { stepMinutes: 15, method: "nearest" }).values).toEqual([7, 8]);
  });
});

describe("resample: linear and nearestMaxDelta", () => {
  const s = { time: at("10:00:00", "10:20:00", "11:40:00"), values: values(0, 20, 120) };

  it("interpolates in time between prior and next", () => {
    expect(run(s, { stepMinutes: 10, method: "linear" }).values.slice(0, 4)).toEqual([0, 10, 20, 32.5]);
  });

  it("gives missing across a gap longer than maxGap, and before the first/after the last sample", () => {
    const result = run(s, { stepMinutes: 10, method: "linear", maxGapMinutes: 60 });
    expect(result.values).toEqual([0, 10, 20, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 120]);
  });

  it("keeps equal neighbours across a gap up to maxGap and takes the prior when a sample is on the grid", () => {
    const flat = { time: at("10:00:00", "10:50:00"), values: values(4, 4) };
    expect(run(flat, { stepMinutes: 10, method: "linear", maxGapMinutes: 50 }).values).toEqual([4, 4, 4, 4, 4, 4]);
    expect(run(flat, { stepMinutes: 10, method: "linear", maxGapMinutes: 40 }).values).toEqual([4, NaN, NaN, NaN, NaN, 4]);
  });

  it("nearestMaxDelta takes the closer neighbour, the next one on ties", () => {
    const pair = { time: at("10:00:00", "10:20:00"), values: values(1, 2) };
    expect(run(pair, { stepMinutes: 5, method: "nearestMaxDelta" }).values).toEqual([1, 1, 2, 2, 2]);
    expect(run(pair, { stepMinutes: 5, method: "nearestMaxDelta", maxGapMinutes: 10 }).values).toEqual([1, NaN, NaN, NaN, 2]);
  });

  it("ignores missing values when looking for prior and next", () => {
    const gappy = { time: at("10:00:00", "10:10:00", "10:20:00"), values: values(0, NaN, 20) };
    expect(run(gappy, { stepMinutes: 10, method: "linear" }).values).toEqual([0, 10, 20]);
  });
});

describe("resample: rows and edge cases", () => {
  it("drops rows outside [start, end] before computing windows", () => {
    const s = { time: at("09:59:00", "10:01:00", "10:20:00"), values: values(100, 1, 3) };
    const result = run(s, { stepMinutes: 10, method: "mean", start: `${base}10:00:00Z`, end: `${base}10:10:00Z` });
    expect(result).toEqual({ time: ["10:00:00", "10:10:00"], values: [1, NaN] });
  });

  it("returns an empty frame for an empty input and a grid of missing values for a window without rows", () => {
    const empty = { time: new Float64Array(0), values: new Float64Array(0) };
    expect(run(empty, { stepMinutes: 15, method: "mean" }).time).toEqual([]);
    expect(run(empty, { stepMinutes: 30, method: "count", start: `${base}10:00:00Z`, end: `${base}11:00:00Z` })).toEqual({
      time: ["10:00:00", "10:30:00", "11:00:00"],
      values: [0, 0, 0],
    });
  });

  it("handles a single row and an all-missing column", () => {
    expect(run({ time: at("10:00:00"), values: values(5) }, { stepMinutes: 15, method: "linear" }).values).toEqual([5]);
    expect(run({ time: at("10:00:00", "10:15:00"), values: values(NaN, NaN) }, { stepMinutes: 15, method: "mean" }).values).toEqual([NaN, NaN]);
  });

  it("sorts unsorted input first (stably)", () => {
    const unsorted = { time: at("10:15:00", "10:00:00", "10:00:00"), values: values(3, 1, 2) };
    expect(run(unsorted, { stepMinutes: 15, method: "first" }).values).toEqual([1, 3]);
    expect(run(unsorted, { stepMinutes: 15, method: "last" }).values).toEqual([2, 3]);
  });

  it("keeps column names and units and resamples every column", () => {
    const frame = { time: at("10:00:00", "10:05:00"), columns: [{ name: "a", unit: "kW", values: values(1, 3) }, { name: "b", values: values(10, NaN) }] };
    const result = resample(frame, { stepMinutes: 15, method: "mean" });
    expect(result.columns.map((c) => [c.name, c.unit, Array.from(c.values)])).toEqual([
      ["a", "kW", [2]],
      ["b", undefined, [10]],
    ]);
  });

  it("refuses a grid that would not fit in memory", () => {
    expect(() => resample(frameOf({ time: times("2000-01-01T00:00:00Z", "2024-01-01T00:00:00Z"), values: values(1, 2) }), { stepMinutes: 0.001, method: "mean" })).toThrow(
      /stepMinutes: the grid would have/,
    );
  });
});

describe("resample: property against the plain reference", () => {
  it("agrees for every method and window on random irregular series", () => {
    fc.assert(
      fc.property(
        irregularSeries(30),
        fc.constantFrom(...RESAMPLE_METHODS),
        fc.constantFrom(...RESAMPLE_WINDOWS),
        fc.constantFrom(1, 5, 7, 7.5, 10, 15, 60),
        fc.integer({ min: -30, max: 90 }),
        fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
        fc.option(fc.tuple(fc.integer({ min: -60, max: 120 }), fc.integer({ min: 0, max: 300 })), { nil: undefined }),
        fc.boolean(),
        (series, method, window, stepMinutes, offsetMinutes, maxGapMinutes, bounds, shuffle) => {
          const first = series.time[0] ?? Date.UTC(2024, 0, 1);
          const start = bounds ? first + bounds[0] * MINUTE : undefined;
          const end = bounds ? first + (bounds[0] + bounds[1]) * MINUTE : undefined;
          const kept = Array.from(series.time, (time, i) => i).filter((i) => (start === undefined || series.time[i] >= start) && (end === undefined || series.time[i] <= end));
          const rows = { time: kept.map((i) => series.time[i]), values: kept.map((i) => series.values[i]) };
          const grid = referenceGrid(rows.time, stepMinutes, offsetMinutes, start, end);
          const expected = grid.map((g) => referenceValue(method, window, rows, g, stepMinutes * MINUTE, maxGapMinutes));
          const input = shuffle ? { time: series.time.slice().reverse(), values: series.values.slice().reverse() } : series;
          // Reversing breaks the stable order of equal timestamps, so only compare reversed inputs without repeats.
          if (shuffle && new Set(series.time).size !== series.time.length) return true;
          const result = resample(frameOf(input), {
            stepMinutes,
            offsetMinutes,
            method,
            window,
            maxGapMinutes,
            start: start === undefined ? undefined : new Date(start).toISOString(),
            end: end === undefined ? undefined : new Date(end).toISOString(),
          });
          return sameNumbers(result.time, grid) && sameNumbers(result.columns[0].values, expected, 1e-12);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
