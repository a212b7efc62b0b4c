import { describe, expect, it } from "vitest";
import { summariseDistribution } from "@/lib/train/distribution-summary";

describe("summariseDistribution", () => {
  it("quartiles interpolate between order statistics; whiskers stop at the last value within 1.5 IQR", () => {
    // Sorted: 1 2 3 4 5 6 7 8 100. Positions (n-1)p = 2, 4, 6 → q1 = 3, median = 5, q3 = 7;
    // IQR 4, fences -3 and 13: 100 is an outlier, the upper whisker ends at 8.
    const summary = summariseDistribution([5, 3, 100, 1, 8, 2, 7, 4, 6]);
    expect(summary).toEqual({ count: 9, min: 1, max: 100, mean: 136 / 9, q1: 3, median: 5, q3: 7, whiskerLow: 1, whiskerHigh: 8, outliers: 1 });
  });

  it("fractional positions: 1 2 3 4 → q1 1.75, median 2.5, q3 3.25", () => {
    const summary = summariseDistribution([4, 1, 3, 2])!;
    expect([summary.q1, summary.median, summary.q3]).toEqual([1.75, 2.5, 3.25]);
    expect([summary.whiskerLow, summary.whiskerHigh, summary.outliers]).toEqual([1, 4, 0]);
  });

  it("low outliers too, and missing values are left out", () => {
    // Sorted: -50 10 11 12 13 14; q1 = 10.25, q3 = 12.75, IQR 2.5, lower fence 6.5.
    const summary = summariseDistribution([NaN, 12, -50, 10, 14, NaN, 11, 13])!;
    expect(summary.count).toBe(6);
    expect(summary.q1).toBeCloseTo(10.25, 12);
    expect(summary.q3).toBeCloseTo(12.75, 12);
    expect(summary.whiskerLow).toBe(10);
    expect(summary.whiskerHigh).toBe(14);
    expect(summary.outliers).toBe(1);
  });

  it("one value is its own box; nothing present is null", () => {
    expect(summariseDistribution([2.5])).toMatchObject({ count: 1, min: 2.5, q1: 2.5, median: 2.5, q3: 2.5, whiskerLow: 2.5, whiskerHigh: 2.5, outliers: 0 });
    expect(summariseDistribution([])).toBeNull();
    expect(summariseDistribution([NaN])).toBeNull();
  });
});
