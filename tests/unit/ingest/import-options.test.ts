import { describe, expect, it } from "vitest";
import { importOptionsSchema } from "@/lib/ingest/import-options";

describe("importOptionsSchema", () => {
  it("accepts every choice, and none", () => {
    expect(importOptionsSchema.parse({})).toEqual({});
    const full = {
      encoding: "windows-1252",
      delimiter: ";",
      quote: '"',
      decimal: ",",
      thousands: ".",
      skipLines: 3,
      headerRow: true,
      unitsRow: true,
      timeColumns: ["Datum", 1],
      timeKind: "dateTime",
      timeFormat: "%d.%m.%Y %H:%M",
      timezone: "Europe/Berlin",
      dateOrder: "dayFirst",
      locale: "de-DE",
      missing: ["-999"],
      valueColumns: ["Temp", 3],
    };
    expect(importOptionsSchema.parse(full)).toEqual(full);
  });

  it("rejects unknown zones, delimiters, keys and negative skips", () => {
    expect(importOptionsSchema.safeParse({ timezone: "Mars/Olympus" }).success).toBe(false);
    expect(importOptionsSchema.safeParse({ delimiter: ":" }).success).toBe(false);
    expect(importOptionsSchema.safeParse({ skipLines: -1 }).success).toBe(false);
    expect(importOptionsSchema.safeParse({ sheet: 1 }).success).toBe(false);
    expect(importOptionsSchema.safeParse({ timeColumns: [] }).success).toBe(false);
  });
});
