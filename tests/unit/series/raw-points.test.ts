import { describe, expect, it } from "vitest";
import { rawPointsSchema } from "@/lib/contracts/raw-points";
import { frameOfRawPoints, rawPointsOf } from "@/lib/series/raw-points";
import type { Frame } from "@/lib/series/frame";

const frame: Frame = {
  time: Float64Array.from([0, 10, 20, 30, 40]),
  columns: [
    { name: "a", unit: "kW", values: Float64Array.from([1, NaN, 3, 4, 5]) },
    { name: "b", values: Float64Array.from([0, 0, NaN, 0, 0]) },
  ],
};

describe("rawPointsOf / frameOfRawPoints", () => {
  it("returns every row in [from, to] (both ends included), missing as null, and reads back as the same frame", () => {
    const points = rawPointsOf(frame, { from: 10, to: 30, limit: 100 });
    expect(rawPointsSchema.parse(points)).toEqual(points);
    expect(points).toEqual({
      rowsInRange: 3,
      limit: 100,
      time: [10, 20, 30],
      columns: [
        { name: "a", unit: "kW", values: [null, 3, 4] },
        { name: "b", values: [0, null, 0] },
      ],
    });
    const back = frameOfRawPoints(JSON.parse(JSON.stringify(points)))!;
    expect(Array.from(back.time)).toEqual([10, 20, 30]);
    expect(back.columns.map((c) => [c.name, c.unit, Array.from(c.values)])).toEqual([
      ["a", "kW", [NaN, 3, 4]],
      ["b", undefined, [0, NaN, 0]],
    ]);
  });

  it("gives no rows, only the count, when the range holds more than the limit", () => {
    const points = rawPointsOf(frame, { limit: 4 });
    expect(points.rowsInRange).toBe(5);
    expect(points.time).toBeNull();
    expect(points.columns.every((column) => column.values.length === 0)).toBe(true);
    expect(frameOfRawPoints(points)).toBeNull();
  });

  it("an empty range is an empty frame, not an error", () => {
    const points = rawPointsOf(frame, { from: 11, to: 19, limit: 10 });
    expect(points.rowsInRange).toBe(0);
    expect(frameOfRawPoints(points)?.time.length).toBe(0);
  });
});
