import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLayout } from "@/lib/ingest/detect-layout";
import { IngestError } from "@/lib/ingest/ingest-error";
import { samplePath } from "@/tests/support/fixtures";

const detect = (text: string, options = {}) => detectLayout(text, { complete: true, options });

describe("detectLayout", () => {
  it("reads the German building logger: ;, decimal comma, units row, DD.MM.YYYY HH:MM:SS", () => {
    const layout = detect(readFileSync(samplePath("building-logger-de.csv"), "utf8"), { timezone: "Europe/Berlin" });
    expect(layout).toMatchObject({
      delimiter: ";",
      decimal: ",",
      thousands: "",
      skipLines: 0,
      headerRow: true,
      unitsRow: true,
      time: { kind: "combined", columns: [0], format: "%d.%m.%Y %H:%M:%S", hasOffset: false, ambiguity: null },
      valueColumns: [1, 2],
      timezone: "Europe/Berlin",
    });
    expect(layout.columns).toEqual([
      { index: 0, name: "Zeitstempel" },
      { index: 1, name: "Außentemperatur", unit: "°C" },
      { index: 2, name: "Wärmeleistung", unit: "kW" },
    ]);
  });

  it("reads the US 12-hour export month first", () => {
    const layout = detect(readFileSync(samplePath("us-12h.csv"), "utf8"));
    expect(layout.time).toMatchObject({ format: "%m/%d/%Y %I:%M:%S %p", ambiguity: null });
  });

  it("reads ISO timestamps with offsets", () => {
    const layout = detect(readFileSync(samplePath("meter-15min.csv"), "utf8"));
    expect(layout.time).toMatchObject({ format: "%Y-%m-%dT%H:%M:%S%z", hasOffset: true });
  });

  it("skips logger metadata, finds date + time columns, a units row, thousands dots and a trailing delimiter", () => {
    const text = "Logger: XY-123\nStandort: Halle 3\n\nDatum;Uhrzeit;Temperatur;Leistung;\n;;°C;W;\n01.02.2024;00:00;1,5;1.234,5;\n01.02.2024;00:15;-2,5;987,0;\n";
    const layout = detect(text);
    expect(layout).toMatchObject({
      delimiter: ";",
      decimal: ",",
      thousands: ".",
      skipLines: 3,
      unitsRow: true,
      time: { kind: "dateTime", columns: [0, 1], format: "%d.%m.%Y %H:%M" },
      valueColumns: [2, 3],
    });
    expect(layout.notes.join(" ")).toMatch(/3 line\(s\) before the header/);
  });

  it("reads a tab-separated weather export with comment lines and compact hourly stamps", () => {
    const text = "# DWD\n# station 433\nSTATIONS_ID\tMESS_DATUM\tTT_TU\teor\n433\t2024010100\t2.5\teor\n433\t2024010101\t-999\teor\n";
    const layout = detect(text);
    expect(layout).toMatchObject({ delimiter: "\t", decimal: ".", skipLines: 2, time: { columns: [1], format: "%Y%m%d%H" }, valueColumns: [0, 2, 3] });
  });

  it("names columns of a file without header", () => {
    const layout = detect("2024-01-01 00:00:00,1,2\n2024-01-01 00:01:00,3,4\n");
    expect(layout.headerRow).toBe(false);
    expect(layout.columns.map((c) => c.name)).toEqual(["column1", "column2", "column3"]);
  });

  it("flags ambiguous dates and follows a locale or date order when their order does not tell", () => {
    const text = "d,v\n03/04/2024,1\n05/06/2024,2\n04/05/2024,3\n";
    expect(detect(text).time.format).toBe("%d/%m/%Y");
    expect(detect(text).notes[0]).toMatch(/day\/month/);
    expect(detect(text, { locale: "en-US" }).time).toMatchObject({ format: "%m/%d/%Y", dateOrderBy: "locale" });
    expect(detect(text, { dateOrder: "monthFirst" }).time).toMatchObject({ format: "%m/%d/%Y", dateOrderBy: "given" });
  });

  it("lets the data's regular sequence decide the date order over the locale, and a given order over the data", () => {
    const text = "d,v\n01/02/2024,1\n02/02/2024,2\n03/02/2024,3\n";
    expect(detect(text, { locale: "en-US" }).time).toMatchObject({ format: "%d/%m/%Y", dateOrderBy: "data" });
    expect(detect(text, { dateOrder: "monthFirst" }).time).toMatchObject({ format: "%m/%d/%Y", dateOrderBy: "given" });
  });

  it("takes every given choice instead of detecting it", () => {
    const text = "a;b;c\nx;2024-01-01 10:00;1,5\ny;2024-01-01 11:00;2,5\n";
    const layout = detect(text, { delimiter: ";", decimal: ".", timeColumns: ["b"], valueColumns: ["c"], missing: ["-999"], encoding: "windows-1252" });
    expect(layout).toMatchObject({ delimiter: ";", decimal: ".", encoding: "windows-1252", time: { columns: [1] }, valueColumns: [2], missing: ["-999"] });
    expect(detect(text, { skipLines: 1, headerRow: false }).headerRow).toBe(false);
    expect(detect(text, { timeFormat: "%Y-%m-%d %H:%M" }).time).toMatchObject({ columns: [1], format: "%Y-%m-%d %H:%M" });
  });

  it("drops a detected thousands separator that is the decimal mark the user chose", () => {
    const layout = detect("t;v\n2024-01-01;1,234.5\n2024-01-02;2,000.25\n", { decimal: "," });
    expect(layout).toMatchObject({ decimal: ",", thousands: "" });
  });

  it("chooses the zone of naive times with its reason: the user's zone only when the file shows none", () => {
    const springGap = ["Zeit;Wert", "31.03.2024 01:30;1", "31.03.2024 01:45;2", "31.03.2024 03:00;3", "31.03.2024 03:15;4"].join("\n");
    expect(detect(springGap, { userZone: "Europe/Vienna" })).toMatchObject({
      timezone: "Europe/Vienna",
      zone: { zone: "Europe/Vienna", source: "dst-fingerprint", evidence: "gap 2024-03-31 02:00–02:59" },
    });
    const plain = "Zeit;Wert\n01.07.2024 12:00;1\n01.07.2024 12:15;2\n";
    expect(detect(plain, { userZone: "Europe/Vienna" })).toMatchObject({ timezone: "Europe/Vienna", zone: { source: "user-zone" } });
    expect(detect(plain)).toMatchObject({ timezone: null, zone: { zone: "UTC", source: "utc-default" } });
    expect(detect(plain.replace("Zeit;", "Zeit (UTC);"), { userZone: "Europe/Vienna" })).toMatchObject({ timezone: "UTC", zone: { source: "header", evidence: "Zeit (UTC)" } });
    expect(detect(plain, { timezone: "Asia/Tokyo", userZone: "Europe/Vienna" })).toMatchObject({ timezone: "Asia/Tokyo", zone: { source: "option" } });
    expect(detect("t,v\n2024-07-01T12:00:00+02:00,1\n")).toMatchObject({ timezone: null, zone: null });
  });

  it("leaves a zone column out of the value columns", () => {
    const layout = detect("datetime\ttz_cd\tq\n2024-11-03 01:30\tEDT\t1\n2024-11-03 01:30\tEST\t2\n");
    expect(layout).toMatchObject({ zoneColumn: 1, valueColumns: [2], zone: { source: "file-column", zone: "America/New_York" } });
  });

  it("makes duplicate names unique", () => {
    expect(detect("t,v,v\n2024-01-01,1,2\n2024-01-02,1,2\n").columns.map((c) => c.name)).toEqual(["t", "v", "v_2"]);
  });

  it("fails with a one-line IngestError on empty, header-only, timeless and too-wide input", () => {
    expect(() => detect("")).toThrow("the file is empty");
    expect(() => detect("\n\n  \n")).toThrow("the file is empty");
    expect(() => detect("time;value\n")).toThrow(/no data rows/);
    expect(() => detect("a;b\nx;1\ny;2\n")).toThrow(/no time column found/);
    expect(() => detect("time\n2024-01-01\n2024-01-02\n")).toThrow(/no value columns/);
    expect(() => detect("a;b\nx;1\n", { timeFormat: "%Y" })).toThrow(/no column matches/);
    expect(() => detectLayout("t,a,b\n2024-01-01,1,2\n", { complete: true, limits: { maxColumns: 2 } })).toThrow(/limit is 2/);
    expect(() => detect("a;b\nx;1\n")).toThrow(IngestError);
  });
});

describe("detectLayout with time metadata", () => {
  it("leaves a second date column out of the values, so its dots are not thousands marks", () => {
    const text = "Datum von;Datum bis;Menge\n01.01.2017;02.01.2017;1.234,5\n02.01.2017;03.01.2017;1.240,0\n03.01.2017;04.01.2017;998,25\n";
    const layout = detect(text);
    expect(layout.time).toMatchObject({ columns: [0], format: "%d.%m.%Y" });
    expect(layout.valueColumns).toEqual([2]);
    expect(layout.timeMetadata).toEqual([{ index: 1, name: "Datum bis", reason: "period end" }]);
    expect(layout).toMatchObject({ decimal: ",", thousands: "." });
  });

  it("leaves an epoch column beside a text datetime out, and a zone-code column", () => {
    const text = "unix,date,tz_cd,value\n1704074400,2024-01-01 02:00:00,UTC,3\n1704070800,2024-01-01 01:00:00,UTC,2\n1704067200,2024-01-01 00:00:00,UTC,1\n";
    const layout = detect(text);
    expect(layout.time).toMatchObject({ columns: [1] });
    expect(layout.valueColumns).toEqual([3]);
    expect(layout.timeMetadata.map((column) => [column.name, column.reason])).toEqual([
      ["unix", "epoch time"],
      ["tz_cd", "zone code"],
    ]);
  });

  it("takes the timestamp column to the right of ID-like columns, and keeps the IDs out of the time metadata", () => {
    const text = "order,code,timestamp,kWh\n2024011700,2024-01,2024-01-17 00:00:00,1\n2024011701,2024-01,2024-01-17 01:00:00,2\n2024011702,2024-01,2024-01-17 02:00:00,3\n";
    const layout = detect(text);
    expect(layout.time).toMatchObject({ columns: [2], format: "%Y-%m-%d %H:%M:%S" });
    expect(layout.valueColumns).toEqual([0, 1, 3]);
    expect(layout.timeMetadata).toEqual([]);
  });

  it("keeps every column the user names as a value column", () => {
    const text = "unix,date,value\n1704067200,2024-01-01 00:00:00,1\n1704070800,2024-01-01 01:00:00,2\n";
    const layout = detect(text, { valueColumns: ["unix", "value"] });
    expect(layout.valueColumns).toEqual([0, 2]);
    expect(layout.timeMetadata).toEqual([]);
  });

  it("obeys the given time column exactly, even an end column", () => {
    const text = "Datum von;Datum bis;Menge\n01.01.2017;02.01.2017;1\n02.01.2017;03.01.2017;2\n";
    const layout = detect(text, { timeColumns: ["Datum bis"] });
    expect(layout.time.columns).toEqual([1]);
    expect(layout.timeMetadata).toEqual([{ index: 0, name: "Datum von", reason: "second time column" }]);
  });

  it("says what it looked at and which column came closest when no column holds a time", () => {
    const text = "when;v\n12h09 26/03/14;1\n13h09 26/03/14;2\n";
    expect(() => detect(text)).toThrow(/looked at 2 column\(s\).*the closest is 'when' \('12h09 26\/03\/14'\), which no known format reads; give the format/);
  });
});
