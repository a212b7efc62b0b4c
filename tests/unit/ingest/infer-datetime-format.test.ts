import { describe, expect, it } from "vitest";
import { COMBINED_FORMATS, DATE_ONLY_FORMATS } from "@/lib/ingest/datetime-candidates";
import { compileCached, inferDateTimeFormat } from "@/lib/ingest/infer-datetime-format";

const CANDIDATES = [...DATE_ONLY_FORMATS, ...COMBINED_FORMATS];

describe("inferDateTimeFormat", () => {
  it("chooses the one format that reads the whole column", () => {
    const result = inferDateTimeFormat(["31.03.2024 02:15", "01.04.2024 13:00"], CANDIDATES, false);
    expect(result).toMatchObject({ format: "%d.%m.%Y %H:%M", matched: 2, total: 2, ambiguousWith: null });
  });

  it("prefers the format that reads more values over an earlier one that reads fewer", () => {
    const result = inferDateTimeFormat(["2024-01-01", "2024-01-01 00:15", "2024-01-01 00:30"], CANDIDATES, false);
    expect(result?.format).toBe("%Y-%m-%d %H:%M");
  });

  it("tolerates a few unreadable cells (footers) but not a column of text", () => {
    const values = Array.from({ length: 10 }, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")}`);
    expect(inferDateTimeFormat([...values, "total"], CANDIDATES, false)?.format).toBe("%Y-%m-%d");
    expect(inferDateTimeFormat(["a", "b", "2024-01-01"], CANDIDATES, false)).toBeNull();
    expect(inferDateTimeFormat(["", " "], CANDIDATES, false)).toBeNull();
  });

  it("reports day/month ambiguity and resolves it by the preference when the data cannot tell (no order in the values)", () => {
    const values = ["03/04/2024", "05/06/2024", "04/05/2024"];
    expect(inferDateTimeFormat(values, CANDIDATES, false)).toMatchObject({ format: "%d/%m/%Y", ambiguousWith: "%m/%d/%Y", decidedBy: "locale" });
    expect(inferDateTimeFormat(values, CANDIDATES, true)).toMatchObject({ format: "%m/%d/%Y", ambiguousWith: "%d/%m/%Y", decidedBy: "locale" });
  });

  it("resolves day/month ambiguity by the data before the preference", () => {
    const values = ["01/02/2024", "02/02/2024"];
    expect(inferDateTimeFormat(values, CANDIDATES, true)).toMatchObject({ format: "%d/%m/%Y", ambiguousWith: "%m/%d/%Y", decidedBy: "data" });
  });

  it("reads any 4-digit year in formats with separators, but not in digits-only ones or month-year forms", () => {
    expect(inferDateTimeFormat(["1749-01", "1749-02"], CANDIDATES, false)).toMatchObject({ format: "%Y-%m", decidedBy: "unambiguous" });
    expect(inferDateTimeFormat(["17490101", "17490102"], CANDIDATES, false)).toBeNull();
    expect(inferDateTimeFormat(["3.1415", "2.1718"], CANDIDATES, false)).toBeNull();
  });

  it("decides month first when a second field exceeds 12, whatever the preference", () => {
    expect(inferDateTimeFormat(["01/10/2024 01:00:00 AM", "01/13/2024 01:00:00 PM"], CANDIDATES, false)).toMatchObject({
      format: "%m/%d/%Y %I:%M:%S %p",
      ambiguousWith: null,
    });
  });

  it("compiles each format once", () => {
    expect(compileCached("%Y-%m-%d")).toBe(compileCached("%Y-%m-%d"));
  });
});
