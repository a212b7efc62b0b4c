import { describe, expect, it } from "vitest";
import { createHolidayCalendar } from "@/lib/train/holidays";
import { holidayRegions } from "@/lib/train/holiday-regions";

describe("holidayRegions", () => {
  const regions = holidayRegions();

  it("lists Germany, Austria and Switzerland with their states, by name", () => {
    const germany = regions.find((region) => region.code === "DE")!;
    expect(germany.name).toBe("Germany");
    expect(germany.states).toContainEqual({ code: "BY", name: "Bayern" });
    expect(regions.find((region) => region.code === "AT")?.name).toBe("Austria");
    expect(regions.find((region) => region.code === "CH")?.states.length).toBeGreaterThan(20);
    const names = regions.map((region) => region.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("names and sorts the countries in the language asked for", () => {
    const german = holidayRegions("de");
    expect(german.find((region) => region.code === "DE")?.name).toBe("Deutschland");
    expect(german.find((region) => region.code === "AT")?.name).toBe("Österreich");
    expect(german.map((region) => region.code).sort()).toEqual(regions.map((region) => region.code).sort());
    const names = german.map((region) => region.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "de")));
  });

  it("every listed country and state is one the holiday calendar accepts", () => {
    for (const region of regions) {
      expect(() => createHolidayCalendar(region.code)).not.toThrow();
      expect(region.code).toMatch(/^[A-Z]{2}$/);
    }
    for (const state of regions.find((region) => region.code === "DE")!.states) expect(() => createHolidayCalendar("DE", state.code)).not.toThrow();
  });
});
