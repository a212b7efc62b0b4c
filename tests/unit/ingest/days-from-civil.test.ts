import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysFromCivil, daysInMonth } from "@/lib/ingest/days-from-civil";

describe("daysFromCivil", () => {
  it("agrees with Date.UTC on any date from year 1 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (year, month, day) => {
        const date = new Date(0);
        date.setUTCFullYear(year, month - 1, day);
        expect(daysFromCivil(year, month, day) * 86_400_000).toBe(date.getTime());
      }),
    );
  });

  it("knows month lengths and leap years", () => {
    expect([2023, 2024, 1900, 2000].map((year) => daysInMonth(year, 2))).toEqual([28, 29, 28, 29]);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });
});
