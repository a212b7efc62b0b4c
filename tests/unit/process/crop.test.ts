import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { crop, cropRows, lowerBound } from "@/lib/process/crop";
import { frameOf, irregularSeries, times, values } from "./series-arbitraries";

describe("crop", () => {
  const frame = {
    time: times("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z", "2024-01-01T02:00:00Z", "2024-01-01T03:00:00Z"),
    columns: [{ name: "v", values: values(0, 1, 2, 3) }],
  };

  it("keeps start <= t <= end, both ends included", () => {
    const result = crop(frame, { start: "2024-01-01T01:00:00Z", end: "2024-01-01T02:00:00Z" });
    expect(Array.from(result.columns[0].values)).toEqual([1, 2]);
  });

  it("applies one bound alone and honours zone offsets", () => {
    expect(Array.from(crop(frame, { start: "2024-01-01T03:30:00+02:00" }).columns[0].values)).toEqual([2, 3]);
    expect(Array.from(crop(frame, { end: "2024-01-01T00:59:59Z" }).columns[0].values)).toEqual([0]);
  });

  it("can leave no rows, and sorts unsorted input first", () => {
    expect(crop(frame, { start: "2025-01-01" }).time).toHaveLength(0);
    const unsorted = { time: times("2024-01-01T02:00:00Z", "2024-01-01T00:00:00Z"), columns: [{ name: "v", values: values(2, 0) }] };
    expect(Array.from(crop(unsorted, { start: "2024-01-01T00:00:00Z", end: "2024-01-01T01:00:00Z" }).columns[0].values)).toEqual([0]);
  });

  it("lowerBound finds the first index at or after (or after) a bound", () => {
    const sorted = Float64Array.from([1, 2, 2, 3]);
    expect(lowerBound(sorted, 2)).toBe(1);
    expect(lowerBound(sorted, 2, true)).toBe(3);
    expect(lowerBound(sorted, 0)).toBe(0);
    expect(lowerBound(sorted, 4)).toBe(4);
  });

  it("keeps exactly the rows inside the bounds on random series", () => {
    fc.assert(
      fc.property(irregularSeries(), fc.integer({ min: -300, max: 300 }), fc.integer({ min: 0, max: 600 }), (series, from, width) => {
        const start = (series.time[0] ?? 0) + from * 60_000;
        const end = start + width * 60_000;
        const result = cropRows(frameOf(series), start, end);
        const expected = Array.from(series.time).filter((time) => time >= start && time <= end);
        return result.time.length === expected.length && expected.every((time, i) => result.time[i] === time);
      }),
    );
  });
});
