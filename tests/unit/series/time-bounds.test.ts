import { describe, expect, it } from "vitest";
import { lowerBound, timeRangeIndices, upperBound } from "@/lib/series/time-bounds";

const time = Float64Array.from([0, 10, 10, 20, 30]);

describe("time bounds", () => {
  it("lowerBound finds the first t >= x and upperBound the first t > x", () => {
    expect([lowerBound(time, -1), lowerBound(time, 10), lowerBound(time, 11), lowerBound(time, 31)]).toEqual([0, 1, 3, 5]);
    expect([upperBound(time, -1), upperBound(time, 10), upperBound(time, 30)]).toEqual([0, 3, 5]);
  });

  it("timeRangeIndices includes both ends, treats absent bounds as open and never gives hi < lo", () => {
    expect(timeRangeIndices(time, 10, 20)).toEqual({ lo: 1, hi: 4 });
    expect(timeRangeIndices(time)).toEqual({ lo: 0, hi: 5 });
    expect(timeRangeIndices(time, 25, 5)).toEqual({ lo: 4, hi: 4 });
  });
});
