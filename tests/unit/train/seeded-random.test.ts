import { describe, expect, it } from "vitest";
import { createSeededRandom, seededPermutation } from "@/lib/train/seeded-random";

describe("seeded random", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    for (const v of seqA) expect(v >= 0 && v < 1).toBe(true);
  });
  it("gives Mulberry32's published first value for seed 1", () => {
    // Reference value of mulberry32(1)() from the public-domain C/JS implementation.
    expect(createSeededRandom(1)()).toBeCloseTo(0.6270739405881613, 15);
  });
  it("permutes every index exactly once", () => {
    const order = seededPermutation(100, createSeededRandom(7));
    expect(Array.from(order).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(order)).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
