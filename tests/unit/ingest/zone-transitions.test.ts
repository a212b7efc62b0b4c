import { describe, expect, it } from "vitest";
import { ZoneOffset } from "@/lib/ingest/zone-offset";
import { zoneTransitions } from "@/lib/ingest/zone-transitions";

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const year = (zone: string, y: number) => zoneTransitions(new ZoneOffset(zone), Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1));

describe("zoneTransitions", () => {
  it("finds Berlin's two changes of 2024 to the minute, with the offsets before and after", () => {
    expect(year("Europe/Berlin", 2024).map((t) => [iso(t.utcMs), t.before / HOUR, t.after / HOUR])).toEqual([
      ["2024-03-31T01:00:00.000Z", 1, 2],
      ["2024-10-27T01:00:00.000Z", 2, 1],
    ]);
  });

  it("follows the US rule change of 2007 (first Sunday of April before, second Sunday of March after)", () => {
    expect(year("America/New_York", 2006).map((t) => iso(t.utcMs))).toEqual(["2006-04-02T07:00:00.000Z", "2006-10-29T06:00:00.000Z"]);
    expect(year("America/New_York", 2007).map((t) => iso(t.utcMs))).toEqual(["2007-03-11T07:00:00.000Z", "2007-11-04T06:00:00.000Z"]);
  });

  it("finds none for UTC, fixed offsets and zones without daylight saving", () => {
    expect(year("UTC", 2024)).toEqual([]);
    expect(year("Etc/GMT-1", 2024)).toEqual([]);
    expect(year("Asia/Tokyo", 2024)).toEqual([]);
  });
});
