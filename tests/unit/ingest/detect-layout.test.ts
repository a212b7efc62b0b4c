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

  it("flags ambiguous dates and follows a locale or date order", () => {
    const text = "d,v\n01/02/2024,1\n02/02/2024,2\n";
    expect(detect(text).time.format).toBe("%d/%m/%Y");
    expect(detect(text).notes[0]).toMatch(/day\/month/);
    expect(detect(text, { locale: "en-US" }).time.format).toBe("%m/%d/%Y");
    expect(detect(text, { dateOrder: "monthFirst" }).time.format).toBe("%m/%d/%Y");
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
