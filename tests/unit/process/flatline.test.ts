import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { flatline, removeFlatlines } from "@/lib/process/flatline";
import { irregularSeries, MINUTE, sameNumbers, times, values } from "./series-arbitraries";

/** Plain reference: for every pair s < e spanning identical present values, remove s..e when long enough. */
function referenceFlatlines(time: Float64Array, input: Float64Array, minutes: number): Float64Array {
  const out = Float64Array.from(input);
  for (let s = 0; s < input.length; s++) {
    for (let e = s + 1; e < input.length; e++) {
      let identical = !Number.isNaN(input[s]);
      for (let k = s; k <= e; k++) if (input[k] !== input[s]) identical = false;
      if (!identical) break;
      if ((time[e] - time[s]) / MINUTE >= minutes) for (let k = s; k <= e; k++) out[k] = NaN;
    }
  }
  return out;
}

describe("flatline", () => {
  const time = times("2024-01-01T00:00:00Z", "2024-01-01T00:10:00Z", "2024-01-01T00:20:00Z", "2024-01-01T00:30:00Z", "2024-01-01T00:40:00Z");

  it("removes a run lasting exactly the limit (>=)", () => {
    expect(Array.from(removeFlatlines(time, values(1, 5, 5, 5, 2), 20))).toEqual([1, NaN, NaN, NaN, 2]);
  });

  it("keeps a shorter run", () => {
    expect(Array.from(removeFlatlines(time, values(1, 5, 5, 5, 2), 20.5))).toEqual([1, 5, 5, 5, 2]);
  });

  it("does not treat a single value as a run, even with 0 minutes", () => {
    expect(Array.from(removeFlatlines(time, values(1, 2, 3, 3, 4), 0))).toEqual([1, 2, NaN, NaN, 4]);
  });

  it("lets a missing value end a run", () => {
    expect(Array.from(removeFlatlines(time, values(5, 5, NaN, 5, 5), 15))).toEqual([5, 5, NaN, 5, 5]);
  });

  it("handles empty, single-row and all-missing columns", () => {
    expect(removeFlatlines(new Float64Array(0), new Float64Array(0), 1)).toHaveLength(0);
    expect(Array.from(removeFlatlines(times("2024-01-01T00:00:00Z"), values(3), 0))).toEqual([3]);
    expect(Array.from(removeFlatlines(time, values(NaN, NaN, NaN, NaN, NaN), 0)).every(Number.isNaN)).toBe(true);
  });

  it("applies to the selected columns of a frame and sorts unsorted rows", () => {
    const frame = {
      time: times("2024-01-01T00:20:00Z", "2024-01-01T00:00:00Z", "2024-01-01T00:10:00Z"),
      columns: [
        { name: "a", values: values(7, 7, 7) },
        { name: "b", values: values(7, 7, 7) },
      ],
    };
    const result = flatline(frame, { minutes: 20, columns: ["a"] });
    expect(Array.from(result.time)).toEqual(Array.from(times("2024-01-01T00:00:00Z", "2024-01-01T00:10:00Z", "2024-01-01T00:20:00Z")));
    expect(Array.from(result.columns[0].values).every(Number.isNaN)).toBe(true);
    expect(Array.from(result.columns[1].values)).toEqual([7, 7, 7]);
    expect(Array.from(frame.columns[0].values)).toEqual([7, 7, 7]);
  });

  it("matches the plain reference on random irregular series", () => {
    fc.assert(
      fc.property(irregularSeries(), fc.integer({ min: 0, max: 90 }), (series, minutes) =>
        sameNumbers(removeFlatlines(series.time, series.values, minutes), referenceFlatlines(series.time, series.values, minutes)),
      ),
      { numRuns: 300 },
    );
  });
});
