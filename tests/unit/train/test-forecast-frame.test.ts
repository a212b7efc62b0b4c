import { describe, expect, it } from "vitest";
import { testForecastFrame } from "@/lib/train/test-forecast-frame";

describe("testForecastFrame", () => {
  it("puts forecasts then actual values in columns, rows in time order", () => {
    const frame = testForecastFrame(
      {
        // A shuffled split lists test samples in any order.
        referenceTime: Float64Array.from([3000, 1000, 2000]),
        actual: { rows: 3, cols: 2, data: Float64Array.from([31, 32, 11, 12, 21, 22]) },
        forecast: { rows: 3, cols: 2, data: Float64Array.from([30, 33, 10, 13, 20, 23]) },
      },
      ["v+1h", "v+2h"],
    );
    expect(Array.from(frame.time)).toEqual([1000, 2000, 3000]);
    expect(frame.columns.map((c) => [c.name, Array.from(c.values)])).toEqual([
      ["v+1h", [10, 20, 30]],
      ["v+2h", [13, 23, 33]],
      ["v+1h actual", [11, 21, 31]],
      ["v+2h actual", [12, 22, 32]],
    ]);
  });
  it("refuses columns that do not match the matrices", () => {
    const m = { rows: 1, cols: 1, data: Float64Array.from([1]) };
    expect(() => testForecastFrame({ referenceTime: Float64Array.from([0]), actual: m, forecast: m }, ["a", "b"])).toThrow(/2 forecast columns/);
  });
});
