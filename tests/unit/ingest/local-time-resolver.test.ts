import { describe, expect, it } from "vitest";
import { LocalTimeResolver } from "@/lib/ingest/local-time-resolver";

const wall = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2024, month - 1, day, hour, minute);
const iso = (ms: number) => (Number.isNaN(ms) ? "NaN" : new Date(ms).toISOString());

describe("LocalTimeResolver", () => {
  it("converts ordinary Europe/Berlin times with the winter and summer offsets", () => {
    const berlin = new LocalTimeResolver("Europe/Berlin");
    expect(iso(berlin.toUtc(wall(1, 15, 12)))).toBe("2024-01-15T11:00:00.000Z");
    expect(iso(berlin.toUtc(wall(7, 15, 12)))).toBe("2024-07-15T10:00:00.000Z");
  });

  it("reports the spring gap 2024-03-31 02:xx as nonexistent (NaN), around it exact", () => {
    const berlin = new LocalTimeResolver("Europe/Berlin");
    expect(iso(berlin.toUtc(wall(3, 31, 1, 59)))).toBe("2024-03-31T00:59:00.000Z");
    expect(berlin.toUtc(wall(3, 31, 2, 0))).toBeNaN();
    expect(berlin.toUtc(wall(3, 31, 2, 30))).toBeNaN();
    expect(iso(berlin.toUtc(wall(3, 31, 3, 0)))).toBe("2024-03-31T01:00:00.000Z");
  });

  it("resolves the repeated hour 2024-10-27 02:xx by order: summer time first, winter time once the clock goes back", () => {
    const berlin = new LocalTimeResolver("Europe/Berlin");
    const series = [[1, 45], [2, 0], [2, 30], [2, 45], [2, 0], [2, 30], [3, 0]].map(([h, m]) => iso(berlin.toUtc(wall(10, 27, h, m))));
    expect(series).toEqual([
      "2024-10-26T23:45:00.000Z",
      "2024-10-27T00:00:00.000Z",
      "2024-10-27T00:30:00.000Z",
      "2024-10-27T00:45:00.000Z",
      "2024-10-27T01:00:00.000Z",
      "2024-10-27T01:30:00.000Z",
      "2024-10-27T02:00:00.000Z",
    ]);
    expect(berlin.ambiguousCount).toBe(5);
  });

  it("treats an hourly series' repeated 02:00 as the second pass", () => {
    const berlin = new LocalTimeResolver("Europe/Berlin");
    const series = [1, 2, 2, 3].map((h) => iso(berlin.toUtc(wall(10, 27, h))));
    expect(series).toEqual(["2024-10-26T23:00:00.000Z", "2024-10-27T00:00:00.000Z", "2024-10-27T01:00:00.000Z", "2024-10-27T02:00:00.000Z"]);
  });

  it("resolves the repeated hour of a descending (newest first) column: the first pass is winter time", () => {
    const berlin = new LocalTimeResolver("Europe/Berlin");
    const series = [[3, 15], [3, 0], [2, 45], [2, 0], [2, 45], [2, 0], [1, 45]].map(([h, m]) => iso(berlin.toUtc(wall(10, 27, h, m))));
    expect(series).toEqual([
      "2024-10-27T02:15:00.000Z",
      "2024-10-27T02:00:00.000Z",
      "2024-10-27T01:45:00.000Z",
      "2024-10-27T01:00:00.000Z",
      "2024-10-27T00:45:00.000Z",
      "2024-10-27T00:00:00.000Z",
      "2024-10-26T23:45:00.000Z",
    ]);
    const hourly = new LocalTimeResolver("Europe/Berlin");
    expect([3, 2, 2, 1].map((h) => iso(hourly.toUtc(wall(10, 27, h))))).toEqual(["2024-10-27T02:00:00.000Z", "2024-10-27T01:00:00.000Z", "2024-10-27T00:00:00.000Z", "2024-10-26T23:00:00.000Z"]);
  });

  it("takes the direction most rows ran in when the row before the repeated hour is far away (a new block)", () => {
    const descending = new LocalTimeResolver("Europe/Berlin");
    [20, 19, 18].forEach((day) => descending.toUtc(wall(11, day, 12)));
    expect(iso(descending.toUtc(wall(10, 27, 2, 30)))).toBe("2024-10-27T01:30:00.000Z");
    const ascending = new LocalTimeResolver("Europe/Berlin");
    [1, 2, 3].forEach((day) => ascending.toUtc(wall(10, day, 12)));
    expect(iso(ascending.toUtc(wall(10, 27, 2, 30)))).toBe("2024-10-27T00:30:00.000Z");
  });

  it("starts each autumn change afresh", () => {
    const berlin = new LocalTimeResolver("Europe/Berlin");
    berlin.toUtc(wall(10, 27, 2, 30));
    berlin.toUtc(wall(10, 27, 2, 0));
    const nextYear = Date.UTC(2025, 9, 26, 2, 30);
    expect(iso(berlin.toUtc(nextYear))).toBe("2025-10-26T00:30:00.000Z");
  });

  it("works for zones west of UTC and with 30-minute changes", () => {
    const newYork = new LocalTimeResolver("America/New_York");
    expect(newYork.toUtc(wall(3, 10, 2, 30))).toBeNaN();
    expect(iso(newYork.toUtc(wall(3, 10, 3, 0)))).toBe("2024-03-10T07:00:00.000Z");
    const lordHowe = new LocalTimeResolver("Australia/Lord_Howe");
    expect(lordHowe.toUtc(Date.UTC(2024, 9, 6, 2, 15))).toBeNaN();
    expect(iso(lordHowe.toUtc(Date.UTC(2024, 9, 6, 2, 45)))).toBe("2024-10-05T15:45:00.000Z");
  });
});
