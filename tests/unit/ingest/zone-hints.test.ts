import { describe, expect, it } from "vitest";
import { fixedOffsetZone, zoneCellOffset, zoneFromMetadata, zoneFromText } from "@/lib/ingest/zone-hints";

describe("zoneFromText", () => {
  it.each([
    ["TZ=Europe/Berlin", "Europe/Berlin"],
    ["Date Time, GMT+01:00", "Etc/GMT-1"],
    ["Zeit (UTC+1)", "Etc/GMT-1"],
    ["time (UTC-05:00)", "Etc/GMT+5"],
    ["Zeitstempel (MEZ/MESZ)", "Europe/Berlin"],
    ["CET/CEST", "Europe/Berlin"],
    ["Zeit (MEZ)", "Etc/GMT-1"],
    ["Datum MESZ", "Etc/GMT-2"],
    ["timestamp_utc", "UTC"],
    ["Time [GMT]", "UTC"],
    ["India GMT+05:30", "+05:30"],
  ])("%s → %s", (text, zone) => {
    expect(zoneFromText(text)?.zone).toBe(zone);
  });

  it("finds nothing in ordinary headers, nor abbreviations inside words", () => {
    for (const text of ["Zeitstempel", "datetime", "Date", "Estimated", "Temperature", "Mezzanine"]) expect(zoneFromText(text)).toBeNull();
  });
});

describe("zoneFromMetadata", () => {
  it("reads key-value lines, key and value cells and a row of keys over a row of values", () => {
    expect(zoneFromMetadata([["Logger: XY"], ["Zeitzone: MEZ"]])).toEqual({ zone: "Etc/GMT-1", text: "Zeitzone: MEZ" });
    expect(zoneFromMetadata([["# Time zone: UTC"]])?.zone).toBe("UTC");
    expect(zoneFromMetadata([["TZ=Europe/Vienna"]])?.zone).toBe("Europe/Vienna");
    expect(zoneFromMetadata([["utc_offset_seconds=3600"]])?.zone).toBe("Etc/GMT-1");
    expect(zoneFromMetadata([["Zeitzone", "Europe/Berlin"]])?.zone).toBe("Europe/Berlin");
    const openMeteo = [
      ["latitude", "longitude", "elevation", "utc_offset_seconds", "timezone", "timezone_abbreviation"],
      ["52.52", "13.42", "38.0", "3600", "Europe/Berlin", "CET"],
    ];
    expect(zoneFromMetadata(openMeteo)).toEqual({ zone: "Europe/Berlin", text: "timezone: Europe/Berlin" });
    expect(zoneFromMetadata([openMeteo[0].slice(0, 4), openMeteo[1].slice(0, 4)])?.zone).toBe("Etc/GMT-1");
  });

  it("finds nothing in metadata that names no zone", () => {
    expect(zoneFromMetadata([["Logger: XY-123"], ["Standort: Halle 3"], ["timezone", ""]])).toBeNull();
  });
});

describe("zoneCellOffset and fixedOffsetZone", () => {
  it("reads abbreviations and signed offsets, not plain numbers or words", () => {
    expect(["EST", "EDT", "mesz", "Z", "UTC", "+01:00", "-0500", "UTC+1", "GMT-03:30"].map(zoneCellOffset)).toEqual([-300, -240, 120, 0, 0, 60, -300, 60, -210]);
    expect(["", "5", "-5", "P", "A", "Berlin"].map(zoneCellOffset)).toEqual([null, null, null, null, null, null]);
  });

  it("names fixed offsets with IANA's inverted Etc signs", () => {
    expect([0, 60, -300, 330].map(fixedOffsetZone)).toEqual(["UTC", "Etc/GMT-1", "Etc/GMT+5", "+05:30"]);
  });
});
