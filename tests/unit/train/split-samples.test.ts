import { describe, expect, it } from "vitest";
import { splitSamples } from "@/lib/train/split-samples";

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const times = (n: number) => Float64Array.from({ length: n }, (_, i) => T0 + i * H);
const fractions = (shuffle = false, seed = 1) => ({ train: 0.7, validation: 0.2, test: 0.1, shuffle, seed });

describe("splitSamples", () => {
  it("fractions: round(0.7 n), round(0.2 n), the rest, in time order", () => {
    const split = splitSamples(times(10), fractions(), { from: H, to: H });
    expect(Array.from(split.train)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(split.validation)).toEqual([7, 8]);
    expect(Array.from(split.test)).toEqual([9]);
    const odd = splitSamples(times(7), fractions(), { from: 0, to: 0 });
    expect([odd.train.length, odd.validation.length, odd.test.length]).toEqual([5, 1, 1]);
  });

  it("shuffle: the same seed gives the same parts, another seed other parts; every sample once", () => {
    const a = splitSamples(times(50), fractions(true, 3), { from: 0, to: 0 });
    const b = splitSamples(times(50), fractions(true, 3), { from: 0, to: 0 });
    const c = splitSamples(times(50), fractions(true, 4), { from: 0, to: 0 });
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
    expect(Array.from(a.test)).not.toEqual(Array.from(c.test));
    expect(Array.from(a.train)).not.toEqual(Array.from({ length: 35 }, (_, i) => i));
    const all = [...a.train, ...a.validation, ...a.test].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(a.test)).toEqual([...a.test].sort((x, y) => x - y));
  });

  it("dates: a sample goes where all its outputs are; straddlers and those past until are dropped", () => {
    // outputs at t_ref + 1 h … t_ref + 3 h; validation from 10:00, test from 20:00, until 30:00.
    const split = splitSamples(
      times(40),
      { validationFrom: new Date(T0 + 10 * H).toISOString(), testFrom: new Date(T0 + 20 * H).toISOString(), until: new Date(T0 + 30 * H).toISOString() },
      { from: H, to: 3 * H },
    );
    expect(Array.from(split.train)).toEqual([0, 1, 2, 3, 4, 5, 6]); // last output 09:00
    expect(Array.from(split.validation)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]); // first output 10:00, last 19:00
    expect(Array.from(split.test)).toEqual([19, 20, 21, 22, 23, 24, 25, 26]);
    expect(split.dropped).toBe(40 - 7 - 8 - 8);
  });

  it("dates without until keep everything after testFrom", () => {
    const split = splitSamples(times(10), { validationFrom: new Date(T0 + 3 * H).toISOString(), testFrom: new Date(T0 + 6 * H).toISOString() }, { from: 0, to: 0 });
    expect(Array.from(split.test)).toEqual([6, 7, 8, 9]);
    expect(split.dropped).toBe(0);
  });
});
