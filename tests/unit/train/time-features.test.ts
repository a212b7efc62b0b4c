import { describe, expect, it } from "vitest";
import { calendarPhases, computeTimeFeatures, timeFeatureNames } from "@/lib/train/time-features";
import { timeFeaturesSchema } from "@/lib/train/training-config";

const features = (input: Record<string, unknown>) => timeFeaturesSchema.parse(input);
const at = (...utc: number[]) => Float64Array.from(utc);
const phaseOf = (sin: number, cos: number) => ((Math.atan2(sin, cos) / (2 * Math.PI)) + 1) % 1;

describe("timeFeatureNames", () => {
  it("lists sin/cos pairs and the holiday flag in a fixed order", () => {
    expect(timeFeatureNames(features({ year: true, day: true, holidays: { country: "DE" } }))).toEqual(["y_sin", "y_cos", "d_sin", "d_cos", "h"]);
    expect(timeFeatureNames(features({}))).toEqual([]);
  });
});

describe("calendarPhases", () => {
  it("measures each phase against its own calendar length", () => {
    const noonJuly2 = Date.UTC(2024, 6, 2, 12);
    const phases = calendarPhases(noonJuly2);
    expect(phases.day).toBeCloseTo(0.5, 12);
    expect(phases.month).toBeCloseTo(1.5 / 31, 12);
    // 2024-07-02 is a Tuesday: 1.5 days after Monday 00:00.
    expect(phases.week).toBeCloseTo(1.5 / 7, 12);
    // leap year: 183.5 days into 366.
    expect(phases.year).toBeCloseTo(183.5 / 366, 12);
    expect(calendarPhases(Date.UTC(2023, 1, 15)).month).toBeCloseTo(14 / 28, 12);
  });
});

describe("computeTimeFeatures", () => {
  it("day phase in UTC", () => {
    const m = computeTimeFeatures(at(Date.UTC(2025, 0, 1, 6)), features({ day: true }));
    expect(m.data[0]).toBeCloseTo(1, 12); // sin(π/2)
    expect(m.data[1]).toBeCloseTo(0, 12);
  });

  it("day phase in local time follows the wall clock on DST days (Europe/Berlin)", () => {
    const config = features({ day: true, local: true, timezone: "Europe/Berlin" });
    // 2025-03-30 01:30 UTC = 03:30 CEST; 2025-10-26 01:30 UTC = 02:30 CET; 2025-01-15 11:00 UTC = 12:00 CET.
    const m = computeTimeFeatures(at(Date.UTC(2025, 2, 30, 1, 30), Date.UTC(2025, 9, 26, 1, 30), Date.UTC(2025, 0, 15, 11)), config);
    expect(phaseOf(m.data[0], m.data[1]) * 24).toBeCloseTo(3.5, 9);
    expect(phaseOf(m.data[2], m.data[3]) * 24).toBeCloseTo(2.5, 9);
    expect(phaseOf(m.data[4], m.data[5]) * 24).toBeCloseTo(12, 9);
  });

  it("week, month and year phases in local time", () => {
    const config = features({ year: true, month: true, week: true, local: true, timezone: "America/New_York" });
    // 2025-01-01 05:00 UTC = local midnight of New Year (a Wednesday).
    const m = computeTimeFeatures(at(Date.UTC(2025, 0, 1, 5)), config);
    expect(phaseOf(m.data[0], m.data[1])).toBeCloseTo(0, 9);
    expect(phaseOf(m.data[2], m.data[3])).toBeCloseTo(0, 9);
    expect(phaseOf(m.data[4], m.data[5]) * 7).toBeCloseTo(2, 9);
    // the same instant in UTC is 5 h into the year
    const utc = computeTimeFeatures(at(Date.UTC(2025, 0, 1, 5)), features({ year: true }));
    expect(phaseOf(utc.data[0], utc.data[1]) * 365 * 24).toBeCloseTo(5, 6);
  });

  it("holiday flag uses the local calendar day", () => {
    const config = features({ holidays: { country: "DE" }, local: true, timezone: "Europe/Berlin" });
    // 2025-04-20 22:30 UTC is already Easter Monday 00:30 in Berlin; 2025-04-21 22:30 UTC is Tuesday.
    const m = computeTimeFeatures(at(Date.UTC(2025, 3, 20, 22, 30), Date.UTC(2025, 3, 21, 22, 30), Date.UTC(2025, 3, 20, 21)), config);
    expect(Array.from(m.data)).toEqual([1, 0, 0]);
    const utc = computeTimeFeatures(at(Date.UTC(2025, 3, 20, 22, 30)), features({ holidays: { country: "DE" } }));
    expect(utc.data[0]).toBe(0);
  });
});

describe("computeTimeFeatures errors", () => {
  it("names the config field of an unknown holiday region", () => {
    expect(() => computeTimeFeatures(at(0), features({ holidays: { country: "XX" } }))).toThrow(/^timeFeatures\.holidays: no holiday rules for country 'XX'/);
  });
});

describe("the window form", () => {
  const config = features({ day: true, holidays: { country: "DE" }, form: "window" });
  const offsets = [-2 * 3_600_000, -3_600_000, 0];

  it("repeats the phase pairs for every input step, the holiday flag once at the end", () => {
    expect(timeFeatureNames(config, offsets)).toEqual(["d_sin@-2h", "d_cos@-2h", "d_sin@-1h", "d_cos@-1h", "d_sin@0h", "d_cos@0h", "h"]);
  });

  it("takes each pair at its step's time", () => {
    // reference 06:00 UTC on Easter Monday 2025: steps at 04:00, 05:00, 06:00
    const m = computeTimeFeatures(at(Date.UTC(2025, 3, 21, 6)), config, offsets);
    expect(phaseOf(m.data[0], m.data[1]) * 24).toBeCloseTo(4, 9);
    expect(phaseOf(m.data[2], m.data[3]) * 24).toBeCloseTo(5, 9);
    expect(phaseOf(m.data[4], m.data[5]) * 24).toBeCloseTo(6, 9);
    expect(m.data[6]).toBe(1);
  });

  it("is the same as the reference form with a single step at the reference time", () => {
    const reference = computeTimeFeatures(at(Date.UTC(2025, 5, 1, 13)), features({ day: true }));
    const window = computeTimeFeatures(at(Date.UTC(2025, 5, 1, 13)), features({ day: true, form: "window" }), [0]);
    expect(Array.from(window.data)).toEqual(Array.from(reference.data));
  });
});
