import { describe, expect, it } from "vitest";
import { findZoneColumn } from "@/lib/ingest/find-zone-column";

describe("findZoneColumn", () => {
  it("finds USGS's tz_cd column and names the zone of its abbreviations", () => {
    const rows = [
      ["USGS", "01646500", "2024-11-03 01:45", "EDT", "1230", "P"],
      ["USGS", "01646500", "2024-11-03 01:00", "EST", "1240", "P"],
    ];
    expect(findZoneColumn(rows, 6, [2])).toEqual({ column: 3, zone: "America/New_York", codes: ["EDT", "EST"] });
  });

  it("finds an offset column and ignores numbers, codes and the time column", () => {
    expect(findZoneColumn([["2024-01-01 00:00", "+01:00", "3"]], 3, [0])).toEqual({ column: 1, zone: "Etc/GMT-1", codes: ["+01:00"] });
    expect(findZoneColumn([["2024-01-01 00:00", "-5", "A"], ["2024-01-01 01:00", "-4", "P"]], 3, [0])).toBeNull();
  });
});
