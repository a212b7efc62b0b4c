import { describe, expect, it } from "vitest";
import { looksNumeric } from "@/lib/ingest/looks-numeric";

describe("looksNumeric", () => {
  it("is true for decimals and short integers, with blanks between and a header above", () => {
    expect(looksNumeric(["-19.6", "", "13,23", "2019", "1e3"])).toBe(true);
    expect(looksNumeric(["Temperatur", "-19.6", "13,23"])).toBe(true);
  });

  it("is false for anything a datetime format or an epoch might be", () => {
    for (const value of ["03.2024", "20240117", "1704067200", "2024-01", "12:00", "01.01.2017"]) expect(looksNumeric([value, value, "1.5"])).toBe(false);
    expect(looksNumeric(["", " "])).toBe(false);
  });
});
