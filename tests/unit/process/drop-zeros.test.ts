import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dropZeros, removeZeros } from "@/lib/process/drop-zeros";
import { irregularSeries, sameNumbers, times, values } from "./series-arbitraries";

describe("dropZeros", () => {
  it("removes 0 and -0 and nothing else", () => {
    expect(Array.from(removeZeros(values(0, -0, 1e-300, -1, NaN)))).toEqual([NaN, NaN, 1e-300, -1, NaN]);
  });

  it("leaves unselected columns alone", () => {
    const frame = { time: times("2024-01-01T00:00:00Z"), columns: [{ name: "a", values: values(0) }, { name: "b", values: values(0) }] };
    const result = dropZeros(frame, { columns: ["a"] });
    expect(result.columns[0].values[0]).toBeNaN();
    expect(result.columns[1].values[0]).toBe(0);
  });

  it("matches the plain rule on random series", () => {
    fc.assert(
      fc.property(irregularSeries(), (series) => sameNumbers(removeZeros(series.values), Array.from(series.values, (v) => (v === 0 ? NaN : v)))),
    );
  });
});
