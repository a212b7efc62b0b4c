import { describe, expect, it } from "vitest";
import { detectTimeColumns } from "@/lib/ingest/detect-time-columns";
import { sampleTimeReader } from "@/lib/ingest/read-sample-time";
import { expectedMs, ORIGINAL_FORMATS, sampleClocks, strftime } from "./strftime";

const TIME_ONLY = new Set(["%H:%M:%S.%f", "%H:%M:%S", "%H:%M"]);
const clocks = sampleClocks(60);

describe("detectTimeColumns", () => {
  it.each(ORIGINAL_FORMATS.filter((format) => !TIME_ONLY.has(format)))("finds and reads a %s column without a hint", (format) => {
    const records = clocks.map((clock, i) => [strftime(format, clock), String(i * 1.5)]);
    const time = detectTimeColumns(records, 2, ["time", "value"], { monthFirst: false });
    expect(time).not.toBeNull();
    expect(time!.columns).toEqual([0]);
    expect(time!.ambiguity).toBeNull();
    const read = sampleTimeReader(time!);
    records.forEach((fields, i) => expect(read(fields)).toBe(expectedMs(format, clocks[i], true)));
  });

  it.each([...TIME_ONLY])("reads a %s time column next to a date column as one timestamp", (format) => {
    const records = clocks.map((clock, i) => [strftime("%d.%m.%Y", clock), strftime(format, clock), String(i)]);
    const time = detectTimeColumns(records, 3, ["Datum", "Zeit", "Wert"], { monthFirst: false });
    expect(time).toMatchObject({ kind: "dateTime", columns: [0, 1] });
    const read = sampleTimeReader(time!);
    records.forEach((fields, i) => expect(read(fields)).toBe(expectedMs(`%d.%m.%Y ${format}`, clocks[i], false)));
  });

  it("finds the time column when it is not the first one, and a time column before its date column", () => {
    const records = clocks.map((clock, i) => ["433", String(i), strftime("%Y-%m-%d %H:%M", clock)]);
    expect(detectTimeColumns(records, 3, [], { monthFirst: false })).toMatchObject({ kind: "combined", columns: [2] });
    const swapped = clocks.map((clock) => [strftime("%H:%M", clock), strftime("%d.%m.%Y", clock), "1"]);
    expect(detectTimeColumns(swapped, 3, [], { monthFirst: false })).toMatchObject({ kind: "dateTime", columns: [1, 0], format: "%d.%m.%Y %H:%M" });
  });

  it("reads epoch seconds and milliseconds by magnitude", () => {
    const seconds = [1704067200, 1704070800, 1704074400].map((s) => [String(s), "1"]);
    expect(detectTimeColumns(seconds, 2, ["unix", "v"], { monthFirst: false })).toMatchObject({ kind: "epochSeconds", columns: [0] });
    const millis = [1704067200000, 1704070800000].map((s) => [String(s), "1"]);
    const time = detectTimeColumns(millis, 2, ["t", "v"], { monthFirst: false })!;
    expect(time.kind).toBe("epochMillis");
    expect(sampleTimeReader(time)(["1704067200000", "1"])).toBe(Date.UTC(2024, 0, 1));
  });

  it("does not take a value column of plain numbers for epoch values or months", () => {
    const records = [["12.5", "3"], ["3.1415", "4"], ["1.2", "5"]];
    expect(detectTimeColumns(records, 2, ["a", "b"], { monthFirst: false })).toBeNull();
  });

  it("flags a column where every day is ≤ 12 and, when its order does not tell, defaults to day first, or month first when asked", () => {
    const records = [["03/04/2024", "1"], ["05/06/2024", "2"], ["04/05/2024", "3"]];
    const dayFirst = detectTimeColumns(records, 2, [], { monthFirst: false })!;
    expect(dayFirst.format).toBe("%d/%m/%Y");
    expect(dayFirst.ambiguity?.alternatives).toEqual(["%d/%m/%Y", "%m/%d/%Y"]);
    expect(dayFirst.ambiguity?.message).toMatch(/day first/);
    const monthFirst = detectTimeColumns(records, 2, [], { monthFirst: true })!;
    expect(monthFirst.format).toBe("%m/%d/%Y");
    expect(monthFirst.ambiguity?.alternatives).toEqual(["%m/%d/%Y", "%d/%m/%Y"]);
  });

  it("reads 03/04/2024 and 13/04/2024 in one column the same way (day first), never per cell", () => {
    const records = [["03/04/2024", "1"], ["13/04/2024", "2"]];
    const time = detectTimeColumns(records, 2, [], { monthFirst: true })!;
    expect(time.format).toBe("%d/%m/%Y");
    expect(time.ambiguity).toBeNull();
    const read = sampleTimeReader(time);
    expect(read(records[0])).toBe(Date.UTC(2024, 3, 3));
    expect(read(records[1])).toBe(Date.UTC(2024, 3, 13));
  });

  it("uses a given format and finds the column (or column pair) it reads", () => {
    const records = [["x", "2024-31-01", "10:00", "1"], ["y", "2024-30-01", "11:00", "2"]];
    const time = detectTimeColumns(records, 4, [], { monthFirst: false, format: "%Y-%d-%m %H:%M" })!;
    expect(time).toMatchObject({ kind: "dateTime", columns: [1, 2] });
    expect(sampleTimeReader(time)(records[0])).toBe(Date.UTC(2024, 0, 31, 10));
  });

  it("gives null when nothing holds times", () => {
    expect(detectTimeColumns([["a", "1"], ["b", "2"]], 2, [], { monthFirst: false })).toBeNull();
  });
});

describe("detectTimeColumns on other real-world stamps", () => {
  it.each([
    ["1/5/2024, 1:00:00 PM", "1/15/2024, 2:00:00 PM", Date.UTC(2024, 0, 5, 13)],
    ["01.01.2024, 00:00", "02.01.2024, 00:00", Date.UTC(2024, 0, 1)],
    ["2024-01-01 00:00:00 UTC", "2024-01-01 01:00:00 UTC", Date.UTC(2024, 0, 1)],
    ["2024-01-01T00:00:00.123456+01:00", "2024-01-01T00:00:01.5+01:00", Date.UTC(2023, 11, 31, 23) + 123.456],
    ["15-Jan-2024", "16-Jan-2024", Date.UTC(2024, 0, 15)],
    ["Jan 15 2024 1:00 PM", "Jan 16 2024 2:30 PM", Date.UTC(2024, 0, 15, 13)],
    ["2024-01", "2024-02", Date.UTC(2024, 0, 1)],
    ["03.2024", "04.2024", Date.UTC(2024, 2, 1)],
    ["Mär 2024", "Apr 2024", Date.UTC(2024, 2, 1)],
  ])("reads %s", (first, second, expected) => {
    const time = detectTimeColumns([[first, "1"], [second, "2"]], 2, [], { monthFirst: false })!;
    expect(sampleTimeReader(time)([first])).toBeCloseTo(expected, 6);
  });
});

describe("detectTimeColumns by evidence", () => {
  it("takes the real timestamp column over an order number and a month code to its left", () => {
    const records = ["00", "01", "02", "03", "04"].map((hour, i) => [`20240117${hour}`, "2024-01", `2024-01-17T${hour}:00:00Z`, String(i)]);
    const time = detectTimeColumns(records, 4, ["order", "code", "timestamp", "kWh"], { monthFirst: false })!;
    expect(time).toMatchObject({ kind: "combined", columns: [2], format: "%Y-%m-%dT%H:%M:%S%z" });
  });

  it("reads an epoch column in descending order (newest first), named or first", () => {
    const records = [1704074400, 1704070800, 1704067200].map((s, i) => [String(i), String(s)]);
    expect(detectTimeColumns(records, 2, ["n", "unix_time"], { monthFirst: false })).toMatchObject({ kind: "epochSeconds", columns: [1] });
    const first = records.map(([n, s]) => [s, n]);
    expect(detectTimeColumns(first, 2, ["a", "b"], { monthFirst: false })).toMatchObject({ kind: "epochSeconds", columns: [0] });
  });

  it("reads epoch microseconds, and an epoch format given by name", () => {
    const micros = [["1704067200000000", "1"], ["1704070800000000", "2"]];
    const time = detectTimeColumns(micros, 2, ["t", "v"], { monthFirst: false })!;
    expect(time.kind).toBe("epochMicros");
    expect(sampleTimeReader(time)(micros[1])).toBe(Date.UTC(2024, 0, 1, 1));
    const seconds = [["x", "1704070800"], ["y", "1704067200"]];
    expect(detectTimeColumns(seconds, 2, ["a", "b"], { monthFirst: false, format: "epoch-s" })).toMatchObject({ kind: "epochSeconds", columns: [1] });
    expect(detectTimeColumns(seconds, 2, ["a", "b"], { monthFirst: false, format: "%s" })).toMatchObject({ kind: "epochSeconds", columns: [1] });
  });

  it("decides the day/month order by the data before the locale, and says so", () => {
    const records = ["01/02/2024 12:00:00 AM", "01/02/2024 12:37:00 AM", "01/02/2024 1:14:00 AM", "01/03/2024 12:03:00 AM", "01/03/2024 12:40:00 AM"].map((t, i) => [t, String(i)]);
    const time = detectTimeColumns(records, 2, ["Date", "v"], { monthFirst: false })!;
    expect(time.format).toBe("%m/%d/%Y %I:%M:%S %p");
    expect(time.dateOrderBy).toBe("data");
    expect(time.ambiguity?.alternatives).toEqual(["%m/%d/%Y %I:%M:%S %p", "%d/%m/%Y %I:%M:%S %p"]);
    expect(time.ambiguity?.message).toMatch(/regular sequence/);
  });

  it("obeys a date order the user gave, against the data", () => {
    const records = [["01/02/2024", "1"], ["02/02/2024", "2"], ["03/02/2024", "3"]];
    expect(detectTimeColumns(records, 2, [], { monthFirst: true, dateOrderGiven: true })).toMatchObject({ format: "%m/%d/%Y", dateOrderBy: "given" });
    expect(detectTimeColumns(records, 2, [], { monthFirst: true })).toMatchObject({ format: "%d/%m/%Y", dateOrderBy: "data" });
  });

  it("marks a 12-hour clock on one date as month first", () => {
    const records = [["03/04/2024 1:00 PM", "1"], ["03/04/2024 1:00 PM", "2"]];
    expect(detectTimeColumns(records, 2, [], { monthFirst: false })).toMatchObject({ format: "%m/%d/%Y %I:%M %p", dateOrderBy: "12-hour-clock" });
  });

  it.each([
    ["1749-01", "1749-02", Date.UTC(1749, 0, 1)],
    ["1749-01-15", "1749-01-16", Date.UTC(1749, 0, 15)],
    ["2019-06-04 01-AM", "2019-06-04 02-PM", Date.UTC(2019, 5, 4, 1)],
    ["2019-06-04 1 PM", "2019-06-04 2 PM", Date.UTC(2019, 5, 4, 13)],
    ["00:00:00 21/Nov/2025", "00:05:00 21/Nov/2025", Date.UTC(2025, 10, 21)],
    ["2024010100", "2024010101", Date.UTC(2024, 0, 1)],
    ["202401010015", "202401010030", Date.UTC(2024, 0, 1, 0, 15)],
    ["20180101:0100", "20180101:0200", Date.UTC(2018, 0, 1, 1)],
  ])("reads %s", (first, second, expected) => {
    const time = detectTimeColumns([[first, "1"], [second, "2"]], 2, ["time", "v"], { monthFirst: false })!;
    expect(time).not.toBeNull();
    expect(sampleTimeReader(time)([first])).toBe(expected);
  });

  it("pairs a date column with an hour-only 12-hour clock column", () => {
    const records = [["2019-06-04", "11 AM", "1"], ["2019-06-04", "12 PM", "2"]];
    const time = detectTimeColumns(records, 3, ["Date", "Hour", "v"], { monthFirst: false })!;
    expect(time).toMatchObject({ kind: "dateTime", columns: [0, 1], format: "%Y-%m-%d %I %p" });
    expect(sampleTimeReader(time)(records[1])).toBe(Date.UTC(2019, 5, 4, 12));
  });

  it("still reads no decimal column as a month of an early year", () => {
    expect(detectTimeColumns([["3.1415", "1"], ["2.7182", "2"], ["1.4142", "3"]], 2, ["x", "y"], { monthFirst: false })).toBeNull();
  });
});
