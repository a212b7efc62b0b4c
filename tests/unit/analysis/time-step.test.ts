import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { detectStepMinutes, offsetMinutes } from "@/lib/analysis/time-step";

const at = (...clock: string[]) => Float64Array.from(clock, (c) => Date.parse(`2024-01-01T${c}Z`));

describe("detectStepMinutes", () => {
  it("takes the most common interval", () => {
    expect(detectStepMinutes(at("00:00:00", "00:15:00", "00:30:00", "01:30:00", "01:45:00"))).toBe(15);
  });

  it("ignores repeated timestamps and prefers the shorter interval on a tie", () => {
    expect(detectStepMinutes(at("00:00:00", "00:00:00", "00:10:00", "00:15:00"))).toBe(5);
    expect(detectStepMinutes(at("00:00:00", "00:00:30"))).toBe(0.5);
  });

  it("is null without two distinct timestamps", () => {
    expect(detectStepMinutes(at("00:00:00"))).toBeNull();
    expect(detectStepMinutes(at("00:00:00", "00:00:00"))).toBeNull();
    expect(detectStepMinutes(new Float64Array(0))).toBeNull();
  });
});

describe("detectStepMinutes: property", () => {
  it("agrees with counting every positive interval", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1, 5, 10, 15, 30), { maxLength: 40 }), (gaps) => {
        const time = Float64Array.from(gaps.reduce<number[]>((acc, gap) => [...acc, (acc.at(-1) ?? 0) + gap * 60_000], []));
        const counts = new Map<number, number>();
        for (let i = 1; i < time.length; i++) if (time[i] > time[i - 1]) counts.set(time[i] - time[i - 1], (counts.get(time[i] - time[i - 1]) ?? 0) + 1);
        const best = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
        return detectStepMinutes(time) === (best ? best[0] / 60_000 : null);
      }),
    );
  });
});

describe("offsetMinutes", () => {
  it("is the minutes past the UTC hour modulo the step", () => {
    expect(offsetMinutes(Date.parse("2024-01-01T10:20:00Z"), 15)).toBe(5);
    expect(offsetMinutes(Date.parse("2024-01-01T10:20:30Z"), 15)).toBe(5.5);
    expect(offsetMinutes(Date.parse("2024-01-01T10:20:00Z"), null)).toBe(20);
    expect(offsetMinutes(Date.parse("2024-01-01T10:45:00Z"), 15)).toBe(0);
  });
});
