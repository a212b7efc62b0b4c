import { describe, expect, it } from "vitest";
import { CompiledDateTimeFormat } from "@/lib/ingest/compile-datetime-format";
import { IngestError } from "@/lib/ingest/ingest-error";
import { expectedMs, ORIGINAL_FORMATS, sampleClocks, strftime } from "./strftime";

describe("CompiledDateTimeFormat", () => {
  it.each(ORIGINAL_FORMATS)("reads what Python writes with %s", (format) => {
    const parser = new CompiledDateTimeFormat(format);
    for (const clock of sampleClocks(40)) {
      expect(parser.parse(strftime(format, clock))).toBe(expectedMs(format, clock, true));
    }
  });

  it("reads offsets as Z, ±hh:mm, ±hhmm and ±hh, and reports whether the cell had one", () => {
    const parser = new CompiledDateTimeFormat("%Y-%m-%dT%H:%M:%S%z");
    const base = Date.UTC(2024, 5, 3, 2, 15);
    expect(parser.parse("2024-06-03T02:15:00Z")).toBe(base);
    expect(parser.lastHadOffset).toBe(true);
    expect(parser.parse("2024-06-03T02:15:00+02:00")).toBe(base - 2 * 3_600_000);
    expect(parser.parse("2024-06-03T02:15:00-0530")).toBe(base + 5.5 * 3_600_000);
    expect(parser.parse("2024-06-03T02:15:00+01")).toBe(base - 3_600_000);
    expect(parser.parse("2024-06-03T02:15:00")).toBe(base);
    expect(parser.lastHadOffset).toBe(false);
  });

  it("accepts fractions of any length after %S and keeps sub-millisecond parts", () => {
    const parser = new CompiledDateTimeFormat("%Y-%m-%d %H:%M:%S");
    expect(parser.parse("2024-01-01 00:00:01.5")).toBe(Date.UTC(2024, 0, 1, 0, 0, 1, 500));
    expect(parser.parse("2024-01-01 00:00:01,25")).toBe(Date.UTC(2024, 0, 1, 0, 0, 1, 250));
    expect(parser.parse("2024-01-01 00:00:01.000250")).toBeCloseTo(Date.UTC(2024, 0, 1, 0, 0, 1) + 0.25, 6);
  });

  it("reads unpadded numbers, 12-hour clocks and month names", () => {
    expect(new CompiledDateTimeFormat("%m/%d/%Y %I:%M %p").parse("1/5/2024 7:05 pm")).toBe(Date.UTC(2024, 0, 5, 19, 5));
    expect(new CompiledDateTimeFormat("%m/%d/%Y %I:%M:%S %p").parse("01/10/2024 12:00:00 AM")).toBe(Date.UTC(2024, 0, 10, 0));
    expect(new CompiledDateTimeFormat("%m/%d/%Y %I:%M:%S %p").parse("01/10/2024 12:30:00 P.M.")).toBe(Date.UTC(2024, 0, 10, 12, 30));
    expect(new CompiledDateTimeFormat("%d-%b-%Y").parse("15-Jan-2024")).toBe(Date.UTC(2024, 0, 15));
    expect(new CompiledDateTimeFormat("%b %d %Y").parse("Jan 15 2024")).toBe(Date.UTC(2024, 0, 15));
    expect(new CompiledDateTimeFormat("%d. %b %Y").parse("3. Mär 2024")).toBe(Date.UTC(2024, 2, 3));
    expect(new CompiledDateTimeFormat("%d %B %Y").parse("1 October 2024")).toBe(Date.UTC(2024, 9, 1));
  });

  it("reads two-digit years with the POSIX pivot", () => {
    const parser = new CompiledDateTimeFormat("%d.%m.%y");
    expect(parser.parse("31.12.68")).toBe(Date.UTC(2068, 11, 31));
    expect(parser.parse("01.01.69")).toBe(Date.UTC(1969, 0, 1));
  });

  it("reads a bare date as midnight and 24:00 as midnight of the next day", () => {
    const parser = new CompiledDateTimeFormat("%d.%m.%Y %H:%M");
    expect(parser.parse("01.01.2024")).toBe(Date.UTC(2024, 0, 1));
    expect(parser.parse("31.12.2024 24:00")).toBe(Date.UTC(2025, 0, 1));
    expect(parser.parse("31.12.2024 24:01")).toBeNaN();
  });

  it("takes fixed widths when numbers follow each other", () => {
    expect(new CompiledDateTimeFormat("%Y%m%d%H%M%S").parse("20240131235958")).toBe(Date.UTC(2024, 0, 31, 23, 59, 58));
    expect(new CompiledDateTimeFormat("%Y%m%d%H").parse("2024013123")).toBe(Date.UTC(2024, 0, 31, 23));
  });

  it("rejects impossible dates, trailing text and a wrong layout", () => {
    const parser = new CompiledDateTimeFormat("%d.%m.%Y %H:%M:%S");
    expect(parser.parse("31.02.2024 00:00:00")).toBeNaN();
    expect(parser.parse("29.02.2023 00:00:00")).toBeNaN();
    expect(parser.parse("29.02.2024 00:00:00")).toBe(Date.UTC(2024, 1, 29));
    expect(parser.parse("01.13.2024 00:00:00")).toBeNaN();
    expect(parser.parse("01.01.2024 00:60:00")).toBeNaN();
    expect(parser.parse("01.01.2024 00:00:00 x")).toBeNaN();
    expect(parser.parse("2024-01-01 00:00:00")).toBeNaN();
    expect(parser.parse("")).toBeNaN();
  });

  it("reads a slice of a longer text without copying it, ignoring surrounding spaces", () => {
    const parser = new CompiledDateTimeFormat("%Y-%m-%d %H:%M");
    const line = "x; 2024-03-01 10:30 ;5";
    expect(parser.parse(line, 2, 20)).toBe(Date.UTC(2024, 2, 1, 10, 30));
  });

  it("rejects unknown codes with an IngestError", () => {
    expect(() => new CompiledDateTimeFormat("%Q-%m")).toThrow(IngestError);
  });

  it("reads zone abbreviations as offsets, and rejects unknown ones", () => {
    const parser = new CompiledDateTimeFormat("%d.%m.%Y %H:%M:%S %z");
    expect(parser.parse("27.10.2024 02:30:00 MESZ")).toBe(Date.UTC(2024, 9, 27, 0, 30));
    expect(parser.parse("27.10.2024 02:30:00 MEZ")).toBe(Date.UTC(2024, 9, 27, 1, 30));
    expect(parser.parse("01.07.2024 12:00:00 EDT")).toBe(Date.UTC(2024, 6, 1, 16));
    expect(parser.parse("01.07.2024 12:00:00 UTC+02:00")).toBe(Date.UTC(2024, 6, 1, 10));
    expect(parser.lastHadOffset).toBe(true);
    expect(parser.parse("01.07.2024 12:00:00 XYZ")).toBeNaN();
  });
});
