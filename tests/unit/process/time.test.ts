import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { floorToHour, minutesToMs, msToMinutes, parseIsoInstant, positiveModulo } from "@/lib/process/time";

describe("floorToHour", () => {
  it("floors to the full UTC hour whatever the machine zone", () => {
    expect(floorToHour(Date.parse("2024-03-10T10:37:12.345Z"))).toBe(Date.parse("2024-03-10T10:00:00Z"));
    expect(floorToHour(Date.parse("2024-03-10T10:00:00Z"))).toBe(Date.parse("2024-03-10T10:00:00Z"));
  });

  it("floors negative epoch times downwards", () => {
    expect(floorToHour(-1)).toBe(-3_600_000);
  });

  it("is an hour boundary at or before t, less than an hour away", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (time) => {
        const floored = floorToHour(time);
        return floored <= time && time - floored < 3_600_000 && new Date(floored).getUTCMinutes() === 0 && new Date(floored).getUTCSeconds() === 0;
      }),
    );
  });
});

describe("positiveModulo", () => {
  it("stays in [0, m) for negative numbers", () => {
    expect(positiveModulo(-5, 15)).toBe(10);
    expect(positiveModulo(20, 15)).toBe(5);
    expect(positiveModulo(0, 15)).toBe(0);
  });
});

describe("minutes", () => {
  it("converts decimal minutes exactly", () => {
    expect(minutesToMs(0.1)).toBe(6000);
    expect(minutesToMs(7.5)).toBe(450_000);
    expect(msToMinutes(90_000)).toBe(1.5);
  });
});

describe("parseIsoInstant", () => {
  it("reads Z, offsets and zone-less times (as UTC)", () => {
    expect(parseIsoInstant("2024-03-31T01:15:00Z")).toBe(Date.UTC(2024, 2, 31, 1, 15));
    expect(parseIsoInstant("2024-03-31T03:15:00+02:00")).toBe(Date.UTC(2024, 2, 31, 1, 15));
    expect(parseIsoInstant("2024-03-31T01:15:00.5-0130")).toBe(Date.UTC(2024, 2, 31, 2, 45, 0, 500));
    expect(parseIsoInstant("2024-03-31 01:15")).toBe(Date.UTC(2024, 2, 31, 1, 15));
    expect(parseIsoInstant("2024-03-31")).toBe(Date.UTC(2024, 2, 31));
  });

  it("rejects impossible dates and other text", () => {
    expect(parseIsoInstant("2024-02-30T00:00:00Z")).toBeNaN();
    expect(parseIsoInstant("2024-13-01")).toBeNaN();
    expect(parseIsoInstant("31.03.2024 01:15")).toBeNaN();
    expect(parseIsoInstant("2024-03-31T24:00:00Z")).toBeNaN();
  });
});
