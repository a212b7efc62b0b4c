import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { outliers, removeHampelOutliers, removeIqrOutliers, removeZscoreOutliers } from "@/lib/process/outliers";
import { irregularSeries, MINUTE, sameNumbers, values } from "./series-arbitraries";

function plainMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function plainQuantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * (s[Math.min(lo + 1, s.length - 1)] - s[lo]);
}

function referenceZscore(input: Float64Array, k: number): Float64Array {
  const present = Array.from(input).filter((v) => !Number.isNaN(v));
  if (present.length < 2) return Float64Array.from(input);
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const std = Math.sqrt(present.reduce((a, v) => a + (v - mean) ** 2, 0) / (present.length - 1));
  if (std === 0) return Float64Array.from(input);
  return input.map((v) => (Math.abs(v - mean) > k * std ? NaN : v));
}

function referenceIqr(input: Float64Array, k: number): Float64Array {
  const present = Array.from(input).filter((v) => !Number.isNaN(v));
  if (present.length === 0) return Float64Array.from(input);
  const q1 = plainQuantile(present, 0.25);
  const q3 = plainQuantile(present, 0.75);
  return input.map((v) => (v < q1 - k * (q3 - q1) || v > q3 + k * (q3 - q1) ? NaN : v));
}

function referenceHampel(time: Float64Array, input: Float64Array, k: number, windowMinutes: number): Float64Array {
  const half = (windowMinutes * MINUTE) / 2;
  return input.map((v, i) => {
    if (Number.isNaN(v)) return v;
    const window = Array.from(input).filter((w, j) => !Number.isNaN(w) && time[j] >= time[i] - half && time[j] <= time[i] + half);
    const median = plainMedian(window);
    const mad = plainMedian(window.map((w) => Math.abs(w - median)));
    return Math.abs(v - median) > k * 1.4826 * mad ? NaN : v;
  });
}

const minutes = (...ms: number[]) => Float64Array.from(ms, (m) => m * MINUTE);

describe("outliers: zscore", () => {
  it("uses the sample standard deviation", () => {
    // mean 0; the sample std of [-1, -1, 1, 1] is sqrt(4/3) ≈ 1.1547 (the population std, 1, would remove all at k = 0.9)
    expect(Array.from(removeZscoreOutliers(values(-1, -1, 1, 1), 0.9))).toEqual([-1, -1, 1, 1]);
    expect(Array.from(removeZscoreOutliers(values(-1, -1, 1, 1), 0.8))).toEqual([NaN, NaN, NaN, NaN]);
  });

  it("removes nothing from constant, single-value and empty columns", () => {
    expect(Array.from(removeZscoreOutliers(values(2, 2, 2), 1))).toEqual([2, 2, 2]);
    expect(Array.from(removeZscoreOutliers(values(2, NaN), 0.1))).toEqual([2, NaN]);
  });

  it("matches the plain reference", () => {
    fc.assert(fc.property(irregularSeries(), fc.double({ min: 0.5, max: 3, noNaN: true }), (s, k) => sameNumbers(removeZscoreOutliers(s.values, k), referenceZscore(s.values, k))), {
      numRuns: 300,
    });
  });
});

describe("outliers: iqr", () => {
  it("removes values outside the fences", () => {
    // Q1 = 1.75, Q3 = 3.25, IQR = 1.5, fences [-0.5, 5.5]
    expect(Array.from(removeIqrOutliers(values(1, 2, 3, 4, 5.5, 5.6, -0.5, -0.6), 1)).filter(Number.isNaN)).toHaveLength(0);
    expect(Array.from(removeIqrOutliers(values(1, 2, 3, 4, 100), 1.5))).toEqual([1, 2, 3, 4, NaN]);
  });

  it("matches the plain reference", () => {
    fc.assert(fc.property(irregularSeries(), fc.double({ min: 0, max: 3, noNaN: true }), (s, k) => sameNumbers(removeIqrOutliers(s.values, k), referenceIqr(s.values, k))), {
      numRuns: 300,
    });
  });
});

describe("outliers: hampel", () => {
  it("removes a spike against the median of its centred window", () => {
    const result = removeHampelOutliers(minutes(0, 1, 2, 3, 4, 5, 6), values(10, 11, 10, 50, 11, 10, 11), 3, 4);
    expect(Array.from(result)).toEqual([10, 11, 10, NaN, 11, 10, 11]);
  });

  it("includes both window ends", () => {
    // Window of 4 minutes around t=2 is [0, 4]; with MAD 0 any value off the median is removed.
    const result = removeHampelOutliers(minutes(0, 2, 4), values(5, 6, 5), 3, 4);
    expect(result[1]).toBeNaN();
    expect(Array.from(removeHampelOutliers(minutes(0, 2, 4), values(5, 6, 5), 3, 3.9))).toEqual([5, 6, 5]);
  });

  it("matches the plain reference on random irregular series", () => {
    fc.assert(
      fc.property(irregularSeries(), fc.double({ min: 0.5, max: 4, noNaN: true }), fc.integer({ min: 1, max: 120 }), (s, k, w) =>
        sameNumbers(removeHampelOutliers(s.time, s.values, k, w), referenceHampel(s.time, s.values, k, w)),
      ),
      { numRuns: 300 },
    );
  });
});

describe("outliers on frames", () => {
  it("uses the default thresholds and only the selected columns", () => {
    const spike = values(...Array.from({ length: 20 }, (_, i) => (i === 10 ? 100 : i % 2)));
    const frame = { time: minutes(...Array.from({ length: 20 }, (_, i) => i)), columns: [{ name: "a", values: spike }, { name: "b", values: spike }] };
    const result = outliers(frame, { method: "zscore", columns: ["a"] });
    expect(result.columns[0].values[10]).toBeNaN();
    expect(result.columns[1].values[10]).toBe(100);
    expect(Array.from(outliers(frame, { method: "iqr" }).columns[0].values).filter(Number.isNaN)).toHaveLength(1);
    expect(outliers(frame, { method: "hampel", windowMinutes: 6 }).columns[0].values[10]).toBeNaN();
  });
});
