import { describe, expect, it } from "vitest";
import { createHolidayCalendar } from "@/lib/train/holidays";

describe("createHolidayCalendar", () => {
  it("knows German public holidays for any year, Easter included", () => {
    const de = createHolidayCalendar("DE");
    expect(de.isHoliday(2025, 4, 21)).toBe(true); // Easter Monday 2025
    expect(de.isHoliday(2025, 4, 22)).toBe(false);
    expect(de.isHoliday(2031, 10, 3)).toBe(true); // German Unity Day, far from any hard-coded table
    expect(de.isHoliday(1999, 12, 25)).toBe(true);
  });
  it("knows Swiss and Austrian national days", () => {
    expect(createHolidayCalendar("CH").isHoliday(2024, 8, 1)).toBe(true);
    expect(createHolidayCalendar("AT").isHoliday(2024, 10, 26)).toBe(true);
    // Whit Monday 2024 (the original's table had it as 2025-05-20 by mistake).
    expect(createHolidayCalendar("AT").isHoliday(2024, 5, 20)).toBe(true);
    expect(createHolidayCalendar("AT").isHoliday(2025, 5, 20)).toBe(false);
  });
  it("counts public holidays only, and regional ones only with the state", () => {
    // Epiphany is public in Bavaria, not nationwide.
    expect(createHolidayCalendar("DE").isHoliday(2025, 1, 6)).toBe(false);
    expect(createHolidayCalendar("DE", "BY").isHoliday(2025, 1, 6)).toBe(true);
    // Christmas Eve is not a public holiday in Germany (date-holidays lists it with another type).
    expect(createHolidayCalendar("DE").isHoliday(2025, 12, 24)).toBe(false);
  });
  it("rejects unknown countries and states", () => {
    expect(() => createHolidayCalendar("XX")).toThrow(/country 'XX'/);
    expect(() => createHolidayCalendar("DE", "ZZ")).toThrow(/state 'ZZ'/);
  });
});
