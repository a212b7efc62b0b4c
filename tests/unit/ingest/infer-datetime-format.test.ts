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

  it("reports day/month ambiguity and resolves it by the preference", () => {
    const values = ["01/02/2024", "02/02/2024"];
    expect(inferDateTimeFormat(values, CANDIDATES, false)).toMatchObject({ format: "%d/%m/%Y", ambiguousWith: "%m/%d/%Y" });
    expect(inferDateTimeFormat(values, CANDIDATES, true)).toMatchObject({ format: "%m/%d/%Y", ambiguousWith: "%d/%m/%Y" });
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
