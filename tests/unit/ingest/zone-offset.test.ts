import { describe, expect, it } from "vitest";
import { IngestError } from "@/lib/ingest/ingest-error";
import { ZoneOffset } from "@/lib/ingest/zone-offset";

const HOUR = 3_600_000;

describe("ZoneOffset", () => {
  it("gives summer and winter offsets of Europe/Berlin whatever the machine's zone", () => {
    const berlin = new ZoneOffset("Europe/Berlin");
    expect(berlin.at(Date.UTC(2024, 0, 15))).toBe(HOUR);
    expect(berlin.at(Date.UTC(2024, 6, 15))).toBe(2 * HOUR);
  });

  it("is exact around a change, to the millisecond", () => {
    const berlin = new ZoneOffset("Europe/Berlin");
    const change = Date.UTC(2024, 2, 31, 1);
    expect(berlin.at(change - 1)).toBe(HOUR);
    expect(berlin.at(change)).toBe(2 * HOUR);
  });

  it("handles half-hour and negative offsets", () => {
    expect(new ZoneOffset("Asia/Kolkata").at(Date.UTC(2024, 0, 1))).toBe(5.5 * HOUR);
    expect(new ZoneOffset("America/New_York").at(Date.UTC(2024, 0, 1))).toBe(-5 * HOUR);
  });

  it("rejects an unknown zone with an IngestError", () => {
    expect(() => new ZoneOffset("Mars/Olympus")).toThrow(IngestError);
  });
});
