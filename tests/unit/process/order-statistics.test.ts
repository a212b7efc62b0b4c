import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { linearQuantile, medianInPlace, sortedMedian, sortedMedianAbsoluteDeviation } from "@/lib/process/order-statistics";

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const ascending = (xs: number[]) => Float64Array.from(xs).sort();

function plainMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

describe("linearQuantile", () => {
  it("interpolates linearly like numpy", () => {
    const sorted = ascending([1, 2, 3, 4]);
    expect(linearQuantile(sorted, 0.25)).toBe(1.75);
    expect(linearQuantile(sorted, 0.75)).toBe(3.25);
    expect(linearQuantile(sorted, 0)).toBe(1);
    expect(linearQuantile(sorted, 1)).toBe(4);
    expect(linearQuantile(ascending([7]), 0.25)).toBe(7);
    expect(linearQuantile(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe("medians", () => {
  it("takes the middle or the mean of the two middle values", () => {
    expect(sortedMedian(ascending([1, 2, 10]))).toBe(2);
    expect(sortedMedian(ascending([1, 2, 10, 20]))).toBe(6);
    expect(medianInPlace(Float64Array.from([5, 1, 4, 2]), 4)).toBe(3);
    expect(medianInPlace(new Float64Array(3), 0)).toBeNaN();
  });

  it("quickselect agrees with sorting on random data with ties", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(finite, fc.integer({ min: -2, max: 2 })), { minLength: 1, maxLength: 60 }), (xs) => {
        return medianInPlace(Float64Array.from(xs), xs.length) === plainMedian(xs) && sortedMedian(ascending(xs)) === plainMedian(xs);
      }),
      { numRuns: 500 },
    );
  });

  it("the merged MAD agrees with the definition", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(finite, fc.integer({ min: -2, max: 2 })), { minLength: 1, maxLength: 60 }), (xs) => {
        const median = plainMedian(xs);
        const expected = plainMedian(xs.map((x) => Math.abs(x - median)));
        return sortedMedianAbsoluteDeviation(ascending(xs), xs.length, median) === expected;
      }),
      { numRuns: 500 },
    );
  });
});
