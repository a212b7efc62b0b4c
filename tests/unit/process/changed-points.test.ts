import { describe, expect, it } from "vitest";
import { applyRecipe } from "@/lib/process/apply-recipe";
import { changedPoints } from "@/lib/process/changed-points";
import type { Frame } from "@/lib/series/frame";

const MIN = 60_000;
const frame = (time: number[], columns: Record<string, number[]>): Frame => ({
  time: Float64Array.from(time),
  columns: Object.entries(columns).map(([name, values]) => ({ name, values: Float64Array.from(values) })),
});

describe("changedPoints", () => {
  it("marks removed values with their old value, filled values with their new one, replaced values as both", () => {
    const before = frame([0, MIN, 2 * MIN, 3 * MIN], { a: [1, 900, NaN, 4], b: [0, 0, 0, 0] });
    const { frame: after } = applyRecipe(before, { version: 1, steps: [{ op: "limits", max: 100, columns: ["a"] }, { op: "fillGaps", maxGapMinutes: 10, columns: ["a"] }] });
    expect(changedPoints(before, after)).toEqual([
      // 900 was removed, then its slot was filled again: the old value is shown removed, the new one filled.
      { name: "a", removed: [[MIN, 900]], filled: [[MIN, 2], [2 * MIN, 3]] },
      { name: "b", removed: [], filled: [] },
    ]);
  });

  it("reports a removal the later steps leave missing", () => {
    const before = frame([0, MIN, 2 * MIN], { a: [5, 0, 7] });
    const { frame: after } = applyRecipe(before, { version: 1, steps: [{ op: "dropZeros" }] });
    expect(changedPoints(before, after)[0]).toEqual({ name: "a", removed: [[MIN, 0]], filled: [] });
  });

  it("compares only rows whose timestamps both frames have, pairing equal timestamps in order", () => {
    const before = frame([0, MIN, MIN, 2 * MIN, 3 * MIN], { a: [1, 2, NaN, 3, 4] });
    const after = frame([MIN, MIN, 2 * MIN, 4 * MIN], { a: [NaN, 8, 3, 1] });
    expect(changedPoints(before, after)[0]).toEqual({ name: "a", removed: [[MIN, 2]], filled: [[MIN, 8]] });
  });

  it("a column the original lacks has no changes; empty frames have none either", () => {
    expect(changedPoints(frame([0], { a: [1] }), frame([0], { b: [NaN] }))).toEqual([{ name: "b", removed: [], filled: [] }]);
    expect(changedPoints(frame([], { a: [] }), frame([], { a: [] }))).toEqual([{ name: "a", removed: [], filled: [] }]);
  });
});
