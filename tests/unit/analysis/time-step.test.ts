import { describe, expect, it } from "vitest";
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

describe("offsetMinutes", () => {
  it("is the minutes past the UTC hour modulo the step", () => {
    expect(offsetMinutes(Date.parse("2024-01-01T10:20:00Z"), 15)).toBe(5);
    expect(offsetMinutes(Date.parse("2024-01-01T10:20:30Z"), 15)).toBe(5.5);
    expect(offsetMinutes(Date.parse("2024-01-01T10:20:00Z"), null)).toBe(20);
    expect(offsetMinutes(Date.parse("2024-01-01T10:45:00Z"), 15)).toBe(0);
  });
});
