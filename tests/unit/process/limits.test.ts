import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyLimits, limits } from "@/lib/process/limits";
import { irregularSeries, sameNumbers, times, values } from "./series-arbitraries";

describe("limits", () => {
  it("removes values above max and below min, keeping the bounds themselves", () => {
    expect(Array.from(applyLimits(values(-1, 0, 5, 10, 11, NaN), 0, 10))).toEqual([NaN, 0, 5, 10, NaN, NaN]);
  });

  it("applies one bound alone, 0 included", () => {
    expect(Array.from(applyLimits(values(-1, 0, 1), undefined, 0))).toEqual([-1, 0, NaN]);
    expect(Array.from(applyLimits(values(-1, 0, 1), 0))).toEqual([NaN, 0, 1]);
  });

  it("works on a frame's selected columns", () => {
    const frame = { time: times("2024-01-01T00:00:00Z", "2024-01-01T00:01:00Z"), columns: [{ name: "a", values: values(1, 100) }, { name: "b", values: values(1, 100) }] };
    const result = limits(frame, { max: 50, columns: ["b"] });
    expect(Array.from(result.columns[0].values)).toEqual([1, 100]);
    expect(Array.from(result.columns[1].values)).toEqual([1, NaN]);
  });

  it("matches the plain rule on random series", () => {
    fc.assert(
      fc.property(irregularSeries(), fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 10 }), (series, min, width) => {
        const expected = Array.from(series.values, (v) => (v > min + width || v < min ? NaN : v));
        return sameNumbers(applyLimits(series.values, min, min + width), expected);
      }),
    );
  });
});
