import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lttbIndices } from "@/lib/analysis/lttb";

describe("lttbIndices", () => {
  it("returns every valid point when the threshold is not smaller", () => {
    const x = Float64Array.from([0, 1, 2, 3]);
    expect(Array.from(lttbIndices(x, Float64Array.from([1, NaN, 3, 4]), 10))).toEqual([0, 2, 3]);
  });

  it("keeps the first and last points and the extreme of a spike", () => {
    const n = 100;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => (i === 37 ? 100 : 0));
    const picked = Array.from(lttbIndices(x, y, 10));
    expect(picked).toHaveLength(10);
    expect(picked[0]).toBe(0);
    expect(picked[9]).toBe(n - 1);
    expect(picked).toContain(37);
  });

  it("returns ascending distinct indices of valid points, exactly `threshold` of them", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constant(NaN)), { minLength: 0, maxLength: 200 }), fc.integer({ min: 3, max: 50 }), (ys, threshold) => {
        const x = Float64Array.from(ys, (_, i) => i);
        const y = Float64Array.from(ys);
        const picked = Array.from(lttbIndices(x, y, threshold));
        const validCount = ys.filter((v) => !Number.isNaN(v)).length;
        return (
          picked.length === Math.min(threshold, validCount) &&
          picked.every((index, k) => !Number.isNaN(y[index]) && (k === 0 || index > picked[k - 1]))
        );
      }),
    );
  });
});
