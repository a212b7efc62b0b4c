import { describe, expect, it } from "vitest";
import { detectLayout } from "@/lib/ingest/detect-layout";
import { importOptionsSchema } from "@/lib/ingest/import-options";
import { layoutChoices } from "@/lib/ingest/layout-choices";

const GERMAN = "Zeitstempel;Außentemperatur;Wärmeleistung\n;°C;kW\n29.03.2024 01:00:00;2,57;37,24\n29.03.2024 01:15:00;2,11;37,68\n29.03.2024 01:30:00;2,19;35,67\n";

describe("layoutChoices", () => {
  it("turns a detected German logger layout into valid explicit choices", () => {
    const layout = detectLayout(GERMAN, { complete: true, options: { timezone: "Europe/Berlin" } });
    const choices = layoutChoices(layout);
    expect(importOptionsSchema.parse(choices)).toEqual(choices);
    expect(choices).toMatchObject({
      delimiter: ";",
      decimal: ",",
      headerRow: true,
      unitsRow: true,
      timeColumns: ["Zeitstempel"],
      timeFormat: "%d.%m.%Y %H:%M:%S",
      timezone: "Europe/Berlin",
      valueColumns: ["Außentemperatur", "Wärmeleistung"],
    });
  });

  it("reads another file of the same logger exactly as the first, detection aside", () => {
    const choices = layoutChoices(detectLayout(GERMAN, { complete: true, options: { timezone: "Europe/Berlin" } }));
    // Only days ≤ 12: on its own this file would be ambiguous; the profile settles it.
    const next = "Zeitstempel;Außentemperatur;Wärmeleistung\n;°C;kW\n03.04.2024 01:00:00;2,57;37,24\n04.04.2024 01:00:00;2,11;37,68\n";
    const layout = detectLayout(next, { complete: true, options: choices });
    expect(layout.time.format).toBe("%d.%m.%Y %H:%M:%S");
    expect(layout.decimal).toBe(",");
    expect(layout.timezone).toBe("Europe/Berlin");
  });

  it("refers to columns by position when the file has no header", () => {
    const layout = detectLayout("2024-01-01T00:00:00Z,1.5\n2024-01-01T01:00:00Z,2.5\n", { complete: true, options: { headerRow: false } });
    const choices = layoutChoices(layout);
    expect(choices.timeColumns).toEqual([0]);
    expect(choices.valueColumns).toEqual([1]);
  });
});
