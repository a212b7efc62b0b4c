import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { evenIndices } from "@/lib/analysis/even-indices";

describe("evenIndices", () => {
  it("keeps every index when there are not more than max", () => {
    expect(Array.from(evenIndices(4, 4))).toEqual([0, 1, 2, 3]);
    expect(Array.from(evenIndices(3, 5000))).toEqual([0, 1, 2]);
    expect(Array.from(evenIndices(0, 10))).toEqual([]);
  });

  it("spreads the picks evenly, first and last included", () => {
    expect(Array.from(evenIndices(11, 3))).toEqual([0, 5, 10]);
    expect(Array.from(evenIndices(10, 4))).toEqual([0, 3, 6, 9]);
  });

  it("handles a limit of zero or one", () => {
    expect(Array.from(evenIndices(10, 0))).toEqual([]);
    expect(Array.from(evenIndices(10, 1))).toEqual([0]);
  });

  it("returns exactly min(count, max) distinct ascending indices with even spacing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 2, max: 6_000 }), (count, max) => {
        const picked = evenIndices(count, max);
        if (picked.length !== Math.min(count, max)) return false;
        for (let k = 1; k < picked.length; k++) if (picked[k] <= picked[k - 1]) return false;
        if (count === 0) return true;
        if (picked[0] !== 0 || picked[picked.length - 1] !== count - 1) return false;
        // Gaps differ by at most one: no region is thinned more than another.
        const gaps = Array.from(picked.slice(1), (index, k) => index - picked[k]);
        return gaps.length === 0 || Math.max(...gaps) - Math.min(...gaps) <= 1;
      }),
    );
  });
});
