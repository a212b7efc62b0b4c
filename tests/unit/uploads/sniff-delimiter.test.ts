import { describe, expect, it } from "vitest";
import { sniffDelimiter } from "@/lib/uploads/sniff-delimiter";

describe("sniffDelimiter", () => {
  it("finds the semicolon of a German export despite decimal commas", () => {
    expect(sniffDelimiter("Zeit;Wert;Leistung\n01.01.2024 00:00;1,5;2,25\n01.01.2024 00:15;1,6;2,5\n")).toBe(";");
  });

  it("finds commas, tabs and pipes", () => {
    expect(sniffDelimiter("t,a,b\n1,2,3\n4,5,6\n")).toBe(",");
    expect(sniffDelimiter("t\ta\n1\t2\n3\t4\n")).toBe("\t");
    expect(sniffDelimiter("t|a\n1|2\n3|4\n")).toBe("|");
  });

  it("ignores delimiters inside quotes and metadata lines before the table", () => {
    const text = 'Station: "Berlin; Mitte"\nExported 2024\n"time","note"\n"2024-01-01","a;b"\n"2024-01-02","c;d"\n';
    expect(sniffDelimiter(text)).toBe(",");
  });

  it("returns null for a single column or no data", () => {
    expect(sniffDelimiter("value\n1\n2\n3\n")).toBeNull();
    expect(sniffDelimiter("")).toBeNull();
  });
});
