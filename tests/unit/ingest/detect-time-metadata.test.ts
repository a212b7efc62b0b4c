import { describe, expect, it } from "vitest";
import { detectTimeMetadata } from "@/lib/ingest/detect-time-metadata";
import type { TimeLayout } from "@/lib/ingest/layout";

const time = (column: number, format: string): TimeLayout => ({ kind: "combined", columns: [column], format, hasOffset: false, ambiguity: null, dateOrderBy: "unambiguous" });

describe("detectTimeMetadata", () => {
  it("names a second date column as a period end, and leaves the value alone", () => {
    const records = [["01.01.2017", "02.01.2017", "1.234,5"], ["02.01.2017", "03.01.2017", "1.240,0"]];
    expect(detectTimeMetadata(records, ["Datum von", "Datum bis", "Wert"], time(0, "%d.%m.%Y"), false)).toEqual([{ index: 1, name: "Datum bis", reason: "period end" }]);
  });

  it("recognises an epoch equal to the text time, and Excel serial days beside it", () => {
    const records = [
      ["1629800000", "2021-08-24 10:13:20", "44432.42592592", "3.5"],
      ["1629803600", "2021-08-24 11:13:20", "44432.46759259", "3.7"],
      ["1629807200", "2021-08-24 12:13:20", "44432.50925926", "3.9"],
    ];
    expect(detectTimeMetadata(records, ["unix", "date", "xl", "P"], time(1, "%Y-%m-%d %H:%M:%S"), false)).toEqual([
      { index: 0, name: "unix", reason: "epoch time" },
      { index: 2, name: "xl", reason: "Excel serial date" },
    ]);
  });

  it("keeps a number column in the epoch or Excel range that does not move with the time", () => {
    const records = [
      ["2021-08-24 10:00", "1500000000", "44429.3"],
      ["2021-08-24 11:00", "1600000000", "40000.1"],
      ["2021-08-24 12:00", "1550000000", "50000.7"],
    ];
    expect(detectTimeMetadata(records, ["t", "counter", "load"], time(0, "%Y-%m-%d %H:%M"), false)).toEqual([]);
  });

  it("does not call an identifier that reads as a date time metadata", () => {
    const records = [["2024011700", "2024-01", "2024-01-17 00:00"], ["2024011701", "2024-01", "2024-01-17 01:00"]];
    expect(detectTimeMetadata(records, ["order", "code", "timestamp"], time(2, "%Y-%m-%d %H:%M"), false)).toEqual([]);
  });

  it("recognises zone codes, calendar parts and a time of day", () => {
    const records = [
      ["2024-03-10 01:00", "EST", "2024", "1", "01:00", "5"],
      ["2024-03-10 03:00", "EDT", "2024", "3", "03:00", "6"],
    ];
    expect(detectTimeMetadata(records, ["datetime", "tz_cd", "Year", "Hour (h)", "clock", "value"], time(0, "%Y-%m-%d %H:%M"), false).map((c) => c.reason)).toEqual([
      "zone code",
      "calendar part",
      "calendar part",
      "time of day",
    ]);
  });
});
