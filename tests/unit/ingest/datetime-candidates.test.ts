import { describe, expect, it } from "vitest";
import { COMBINED_FORMATS, DATE_ONLY_FORMATS, isDayFirst, swapDayMonth, TIME_ONLY_FORMATS } from "@/lib/ingest/datetime-candidates";
import { CompiledDateTimeFormat } from "@/lib/ingest/compile-datetime-format";

describe("datetime candidates", () => {
  it("are all valid, distinct formats", () => {
    const all = [...DATE_ONLY_FORMATS, ...TIME_ONLY_FORMATS, ...COMBINED_FORMATS];
    expect(new Set(all).size).toBe(all.length);
    for (const format of all) expect(() => new CompiledDateTimeFormat(format)).not.toThrow();
  });

  it("offer every day-first slash or dash format with its month-first twin", () => {
    for (const format of COMBINED_FORMATS.filter((f) => /%d[/-]%m/.test(f))) expect(COMBINED_FORMATS).toContain(swapDayMonth(format));
  });

  it("swap day and month and tell the order", () => {
    expect(swapDayMonth("%d/%m/%Y %H:%M")).toBe("%m/%d/%Y %H:%M");
    expect(swapDayMonth("%d-%b-%Y")).toBeNull();
    expect(isDayFirst("%d.%m.%Y")).toBe(true);
    expect(isDayFirst("%m/%d/%Y")).toBe(false);
  });
});
