import { describe, expect, it } from "vitest";
import { csvField, formulaSafe } from "@/lib/export/formula-safe";

describe("formulaSafe", () => {
  it("puts an apostrophe before text a spreadsheet would run as a formula", () => {
    for (const text of ["=SUM(A1:A9)", "+1", "-2+3", "@cmd", "\tx", "\rx", "=HYPERLINK(\"http://x\")"]) expect(formulaSafe(text)).toBe(`'${text}`);
  });
  it("leaves ordinary names alone", () => {
    for (const text of ["Außentemperatur", "P (kW)", "a=b", "", "1e5", "'quoted"]) expect(formulaSafe(text)).toBe(text);
  });
});

describe("csvField", () => {
  it("quotes fields with the delimiter, quotes or line breaks", () => {
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField('say "hi"', ";")).toBe('"say ""hi"""');
    expect(csvField("two\nlines", ",")).toBe('"two\nlines"');
    expect(csvField("a,b", ";")).toBe("a,b");
  });
});
