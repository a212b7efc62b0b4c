import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gradient, removeGradientOutliers } from "@/lib/process/gradient";
import { irregularSeries, MINUTE, sameNumbers, values } from "./series-arbitraries";

/** The state machine of docs/recipe-v1.md (gradient), written out literally. */
function referenceGradient(time: Float64Array, input: Float64Array, maxChange: number, maxDuration: number): Float64Array {
  const v = Float64Array.from(input);
  let open = false;
  let start = 0;
  for (let i = 1; i < v.length; i++) {
    if (Number.isNaN(v[i]) && open) {
      for (let k = start; k <= i - 1; k++) v[k] = NaN;
      open = false;
      continue;
    }
    if (Number.isNaN(v[i - 1]) || Number.isNaN(v[i])) continue;
    const rate = Math.abs(v[i] - v[i - 1]) / ((time[i] - time[i - 1]) / MINUTE);
    if (rate > maxChange && !open) {
      open = true;
      start = i;
    } else if (rate > maxChange && open) {
      for (let k = start; k <= i - 1; k++) v[k] = NaN;
      open = false;
    } else if (open && (time[i] - time[start]) / MINUTE > maxDuration) {
      open = false;
    }
  }
  return v;
}

const minutes = (...ms: number[]) => Float64Array.from(ms, (m) => m * MINUTE);

describe("gradient", () => {
  it("removes a plateau between a jump away and a jump back", () => {
    const result = removeGradientOutliers(minutes(0, 1, 2, 3, 4, 5), values(10, 10, 50, 51, 10, 10), 5, 30);
    expect(Array.from(result)).toEqual([10, 10, NaN, NaN, 10, 10]);
  });

  it("removes a single spike", () => {
    expect(Array.from(removeGradientOutliers(minutes(0, 1, 2, 3), values(1, 100, 1, 1), 5, 30))).toEqual([1, NaN, 1, 1]);
  });

  it("keeps a level shift that lasts longer than the duration", () => {
    const result = removeGradientOutliers(minutes(0, 10, 20, 30, 40, 50), values(0, 100, 100, 100, 100, 0), 5, 25);
    expect(Array.from(result)).toEqual([0, 100, 100, 100, 100, 0]);
  });

  it("removes an open plateau when a missing value follows", () => {
    expect(Array.from(removeGradientOutliers(minutes(0, 1, 2, 3), values(1, 100, 100, NaN), 5, 30))).toEqual([1, NaN, NaN, NaN]);
  });

  it("compares the rate per minute with >", () => {
    expect(Array.from(removeGradientOutliers(minutes(0, 2, 4), values(0, 10, 0), 5, 30))).toEqual([0, 10, 0]);
    expect(Array.from(removeGradientOutliers(minutes(0, 2, 4), values(0, 10.5, 0), 5, 30))).toEqual([0, NaN, 0]);
  });

  it("handles single rows and all-missing columns", () => {
    expect(Array.from(removeGradientOutliers(minutes(0), values(5), 1, 1))).toEqual([5]);
    expect(Array.from(removeGradientOutliers(minutes(0, 1), values(NaN, NaN), 1, 1)).every(Number.isNaN)).toBe(true);
  });

  it("works on frames with selected columns", () => {
    const frame = { time: minutes(0, 1, 2), columns: [{ name: "a", values: values(0, 99, 0) }, { name: "b", values: values(0, 99, 0) }] };
    const result = gradient(frame, { maxChangePerMinute: 1, maxDurationMinutes: 10, columns: ["b"] });
    expect(Array.from(result.columns[0].values)).toEqual([0, 99, 0]);
    expect(Array.from(result.columns[1].values)).toEqual([0, NaN, 0]);
  });

  it("matches the literal state machine on random irregular series", () => {
    fc.assert(
      fc.property(irregularSeries(), fc.double({ min: 0, max: 5, noNaN: true }), fc.integer({ min: 0, max: 60 }), (series, maxChange, maxDuration) =>
        sameNumbers(
          removeGradientOutliers(series.time, series.values, maxChange, maxDuration),
          referenceGradient(series.time, series.values, maxChange, maxDuration),
        ),
      ),
      { numRuns: 300 },
    );
  });
});
