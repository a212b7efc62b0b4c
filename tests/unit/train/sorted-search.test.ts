import { describe, expect, it } from "vitest";
import { lowerBound, upperBound } from "@/lib/train/sorted-search";

describe("sorted search", () => {
  const xs = Float64Array.from([1, 2, 2, 4]);
  it("finds the first index >= and > the target", () => {
    expect(lowerBound(xs, 2)).toBe(1);
    expect(upperBound(xs, 2)).toBe(3);
    expect(lowerBound(xs, 0)).toBe(0);
    expect(lowerBound(xs, 5)).toBe(4);
    expect(lowerBound(xs, 3, 2)).toBe(3);
  });
});
