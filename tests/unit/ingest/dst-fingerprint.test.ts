import { describe, expect, it } from "vitest";
import { DstFingerprintCollector, findDstFingerprint } from "@/lib/ingest/dst-fingerprint";
import { localRows } from "./local-export";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Naive local times as "as if UTC" ms, parsed from the ISO-style texts the helper writes. */
const naive = (zone: string, from: number, to: number, step: number) => localRows(zone, from, to, step, "iso").map((row) => Date.parse(`${row.text.replace(" ", "T")}:00Z`));

/** Two days around each change of a year, as a logger in `zone` writes them. */
function aroundChanges(zone: string, spring: number, autumn: number, step = 15 * MINUTE): number[] {
  return [...naive(zone, spring - DAY, spring + DAY, step), ...naive(zone, autumn - DAY, autumn + DAY, step)];
}

describe("findDstFingerprint", () => {
  const berlin2024 = aroundChanges("Europe/Berlin", Date.UTC(2024, 2, 31), Date.UTC(2024, 9, 27));

  it("finds Central European Time from the spring gap and the autumn repeat", () => {
    expect(findDstFingerprint(berlin2024)).toEqual({
      zone: "Europe/Berlin",
      family: "central-european",
      gaps: ["2024-03-31 02:00–02:59"],
      repeats: ["2024-10-27 02:00–02:59"],
    });
  });

  it("takes the user's zone when it changes at the same local times, else the family's representative", () => {
    expect(findDstFingerprint(berlin2024, ["Europe/Paris"])).toMatchObject({ zone: "Europe/Paris", family: "central-european" });
    expect(findDstFingerprint(berlin2024, ["America/Chicago"])).toMatchObject({ zone: "Europe/Berlin", family: "central-european" });
  });

  it("reads the same fingerprint from a descending or shuffled column", () => {
    expect(findDstFingerprint([...berlin2024].reverse())).toMatchObject({ zone: "Europe/Berlin", repeats: ["2024-10-27 02:00–02:59"] });
    const shuffled = berlin2024.map((t, i) => [(i * 7919) % berlin2024.length, t]).sort((a, b) => a[0] - b[0]).map(([, t]) => t);
    expect(findDstFingerprint(shuffled)).toMatchObject({ zone: "Europe/Berlin" });
  });

  it("tells the European families apart by the local hour of their changes", () => {
    expect(findDstFingerprint(aroundChanges("Europe/Lisbon", Date.UTC(2024, 2, 31), Date.UTC(2024, 9, 27)))).toMatchObject({ family: "western-european", gaps: ["2024-03-31 01:00–01:59"] });
    expect(findDstFingerprint(aroundChanges("Europe/Helsinki", Date.UTC(2024, 2, 31), Date.UTC(2024, 9, 27)))).toMatchObject({ family: "eastern-european", repeats: ["2024-10-27 03:00–03:59"] });
  });

  it("finds the US rule before and after 2007 (hourly data), with the user's US zone when given", () => {
    const us2006 = aroundChanges("America/Denver", Date.UTC(2006, 3, 2), Date.UTC(2006, 9, 29), 60 * MINUTE);
    expect(findDstFingerprint(us2006)).toEqual({ zone: "America/New_York", family: "north-american", gaps: ["2006-04-02 02:00–02:59"], repeats: ["2006-10-29 01:00–01:59"] });
    const us2024 = aroundChanges("America/Chicago", Date.UTC(2024, 2, 10), Date.UTC(2024, 10, 3));
    expect(findDstFingerprint(us2024, ["America/Chicago"])).toMatchObject({ zone: "America/Chicago", gaps: ["2024-03-10 02:00–02:59"], repeats: ["2024-11-03 01:00–01:59"] });
  });

  it("finds one change alone (a file crossing only the spring change)", () => {
    expect(findDstFingerprint(naive("Europe/Berlin", Date.UTC(2024, 2, 29), Date.UTC(2024, 3, 3), 15 * MINUTE))).toMatchObject({ zone: "Europe/Berlin", gaps: ["2024-03-31 02:00–02:59"], repeats: [] });
  });

  it("finds nothing in UTC data, in data without the changes, or in an outage away from them", () => {
    expect(findDstFingerprint(aroundChanges("UTC", Date.UTC(2024, 2, 31), Date.UTC(2024, 9, 27)))).toBeNull();
    expect(findDstFingerprint(naive("Europe/Berlin", Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 20), 15 * MINUTE))).toBeNull();
    const outage = naive("UTC", Date.UTC(2024, 2, 30), Date.UTC(2024, 3, 1), 15 * MINUTE).filter((t) => !(t >= Date.UTC(2024, 2, 31, 5) && t < Date.UTC(2024, 2, 31, 6)));
    expect(findDstFingerprint(outage)).toBeNull();
  });

  it("says whether two zones change at the same local times in the years seen", () => {
    const collector = new DstFingerprintCollector(["Europe/Paris", "UTC"]);
    for (const t of berlin2024) collector.add(t);
    expect(collector.sameChanges("Europe/Paris", "Europe/Berlin")).toBe(true);
    expect(collector.sameChanges("Europe/Lisbon", "Europe/Berlin")).toBe(false);
    expect(collector.sameChanges("UTC", "Europe/Berlin")).toBe(false);
    expect(collector.familyOf("Europe/Paris")).toBe("central-european");
    expect(collector.familyOf("UTC")).toBeNull();
  });
});
