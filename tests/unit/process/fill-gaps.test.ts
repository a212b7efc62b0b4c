import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fillGaps, fillGapsLinear } from "@/lib/process/fill-gaps";
import { irregularSeries, MINUTE, sameNumbers, values } from "./series-arbitraries";

/** Reference: for every missing value, look for the nearest present neighbours and fill when the gap qualifies. */
function referenceFill(time: Float64Array, input: Float64Array, maxGap: number): Float64Array {
  const out = Float64Array.from(input);
  for (let k = 0; k < input.length; k++) {
    if (!Number.isNaN(input[k])) continue;
    let before = k - 1;
    while (before >= 0 && Number.isNaN(input[before])) before--;
    let after = k + 1;
    while (after < input.length && Number.isNaN(input[after])) after++;
    if (before < 0 || after >= input.length) continue;
    const width = time[after] - time[before];
    if (width > 0 && width / MINUTE <= maxGap) {
      out[k] = input[before] + ((input[after] - input[before]) * (time[k] - time[before])) / width;
    }
  }
  return out;
}

const minutes = (...ms: number[]) => Float64Array.from(ms, (m) => m * MINUTE);

describe("fillGaps", () => {
  it("fills a run linearly in time when the neighbours are close enough (<=)", () => {
    expect(Array.from(fillGapsLinear(minutes(0, 10, 15, 60), values(0, NaN, NaN, 60), 60))).toEqual([0, 10, 15, 60]);
  });

  it("fills the whole run or nothing", () => {
    expect(Array.from(fillGapsLinear(minutes(0, 10, 15, 61), values(0, NaN, NaN, 61), 60))).toEqual([0, NaN, NaN, 61]);
  });

  it("leaves leading and trailing runs missing", () => {
    expect(Array.from(fillGapsLinear(minutes(0, 1, 2, 3, 4), values(NaN, 1, NaN, 3, NaN), 60))).toEqual([NaN, 1, 2, 3, NaN]);
  });

  it("does not fill between neighbours with the same timestamp", () => {
    expect(Array.from(fillGapsLinear(minutes(0, 0, 0), values(1, NaN, 3), 60))).toEqual([1, NaN, 3]);
  });

  it("handles empty, single-row and all-missing columns", () => {
    expect(fillGapsLinear(new Float64Array(0), new Float64Array(0), 5)).toHaveLength(0);
    expect(Array.from(fillGapsLinear(minutes(0), values(NaN), 5))).toEqual([NaN]);
    expect(Array.from(fillGapsLinear(minutes(0, 1), values(NaN, NaN), 5)).every(Number.isNaN)).toBe(true);
  });

  it("fills only the selected columns of a frame", () => {
    const frame = { time: minutes(0, 1, 2), columns: [{ name: "a", values: values(0, NaN, 2) }, { name: "b", values: values(0, NaN, 2) }] };
    const result = fillGaps(frame, { maxGapMinutes: 5, columns: ["a"] });
    expect(Array.from(result.columns[0].values)).toEqual([0, 1, 2]);
    expect(result.columns[1].values[1]).toBeNaN();
  });

  it("matches the plain reference on random irregular series", () => {
    fc.assert(
      fc.property(irregularSeries(), fc.integer({ min: 1, max: 120 }), (series, maxGap) =>
        sameNumbers(fillGapsLinear(series.time, series.values, maxGap), referenceFill(series.time, series.values, maxGap), 1e-12),
      ),
      { numRuns: 300 },
    );
  });
});
