import { describe, expect, it } from "vitest";
import { inferZone, type InferZoneInput } from "@/lib/ingest/infer-zone";
import { describeZoneChoice } from "@/lib/ingest/describe-zone-choice";

const DAY = 86_400_000;
const QUARTER = 900_000;

/** Naive 15-minute times from a to b, without the local hour [gapStart, gapStart + 1 h). */
function withGap(from: number, to: number, gapStart: number): number[] {
  const times: number[] = [];
  for (let t = from; t < to; t += QUARTER) if (t < gapStart || t >= gapStart + 4 * QUARTER) times.push(t);
  return times;
}

const berlinSpring = withGap(Date.UTC(2024, 2, 30), Date.UTC(2024, 3, 1), Date.UTC(2024, 2, 31, 2));
const base: InferZoneInput = { zoneColumn: null, metadata: [], timeHeaders: [], localTimes: [] };

describe("inferZone", () => {
  it("takes the option first, then the file's column, metadata and header, then the DST fingerprint, then the user's zone, then UTC", () => {
    const all: InferZoneInput = {
      option: "Asia/Tokyo",
      zoneColumn: { column: 3, zone: "America/New_York", codes: ["EST", "EDT"] },
      zoneColumnName: "tz_cd",
      metadata: [["Zeitzone: MEZ"]],
      timeHeaders: ["Zeit (UTC)"],
      localTimes: berlinSpring,
      userZone: "America/Chicago",
    };
    expect(inferZone(all)).toEqual({ zone: "Asia/Tokyo", source: "option", evidence: "", fingerprint: null });
    const noOption = { ...all, option: undefined };
    expect(inferZone(noOption)).toEqual({ zone: "America/New_York", source: "file-column", evidence: "tz_cd: EST, EDT", fingerprint: null });
    expect(inferZone({ ...noOption, zoneColumn: null })).toEqual({ zone: "Etc/GMT-1", source: "file-metadata", evidence: "Zeitzone: MEZ", fingerprint: null });
    expect(inferZone({ ...noOption, zoneColumn: null, metadata: [] })).toEqual({ zone: "UTC", source: "header", evidence: "Zeit (UTC)", fingerprint: null });
    expect(inferZone({ ...noOption, zoneColumn: null, metadata: [], timeHeaders: [] })).toMatchObject({
      zone: "Europe/Berlin",
      source: "dst-fingerprint",
      evidence: "gap 2024-03-31 02:00–02:59",
      fingerprint: { family: "central-european" },
    });
    expect(inferZone({ ...base, userZone: "America/Chicago", localTimes: [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1) + DAY] })).toEqual({
      zone: "America/Chicago",
      source: "user-zone",
      evidence: "",
      fingerprint: null,
    });
    expect(inferZone(base)).toEqual({ zone: "UTC", source: "utc-default", evidence: "", fingerprint: null });
  });

  it("keeps a choice an earlier pass made over the whole file, unless the user gave a zone", () => {
    const decided = { zone: "Europe/Berlin", source: "dst-fingerprint" as const, evidence: "gap 2024-03-31 02:00–02:59", fingerprint: null };
    expect(inferZone({ ...base, decided })).toBe(decided);
    expect(inferZone({ ...base, decided, option: "UTC" }).source).toBe("option");
  });
});

describe("describeZoneChoice", () => {
  it("says the zone and the reason in one line", () => {
    const fingerprint = { zone: "Europe/Berlin", family: "central-european" as const, gaps: ["2024-03-31 02:00–02:59"], repeats: ["2024-10-27 02:00–02:59"] };
    expect(describeZoneChoice({ zone: "Europe/Berlin", source: "dst-fingerprint", evidence: "", fingerprint })).toBe(
      "Times read in Europe/Berlin — DST pattern of Central European Time found (gap 2024-03-31 02:00–02:59, repeat 2024-10-27 02:00–02:59)",
    );
    expect(describeZoneChoice({ zone: "UTC", source: "utc-default", evidence: "", fingerprint: null })).toBe("Times read as UTC — the file does not say which zone");
    expect(describeZoneChoice({ zone: "Etc/GMT-1", source: "file-metadata", evidence: "Zeitzone: MEZ", fingerprint: null })).toBe("Times read in Etc/GMT-1 — the file says so ('Zeitzone: MEZ')");
  });
});
