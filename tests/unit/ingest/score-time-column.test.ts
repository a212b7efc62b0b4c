import { describe, expect, it } from "vitest";
import type { TimeLayout } from "@/lib/ingest/layout";
import { scoreTimeColumn } from "@/lib/ingest/score-time-column";

const combined = (column: number, format: string): TimeLayout => ({ kind: "combined", columns: [column], format, hasOffset: false, ambiguity: null, dateOrderBy: "unambiguous" });

describe("scoreTimeColumn", () => {
  const records = [
    ["2024011700", "2024-01", "2024-01-17 00:00"],
    ["2024011701", "2024-01", "2024-01-17 00:15"],
    ["2024011702", "2024-01", "2024-01-17 00:30"],
    ["2024011703", "2024-01", "2024-01-17 00:45"],
  ];
  const names = ["order", "code", "timestamp"];

  it("ranks a named, monotone, regular timestamp column above an ID and a constant code that also read as dates", () => {
    const timestamp = scoreTimeColumn(records, combined(2, "%Y-%m-%d %H:%M"), names);
    expect(timestamp).toBeGreaterThan(scoreTimeColumn(records, combined(0, "%Y%m%d%H"), names));
    expect(timestamp).toBeGreaterThan(scoreTimeColumn(records, combined(1, "%Y-%m"), names));
  });

  it("gives a newest-first column the same score as an oldest-first one", () => {
    const reversed = [...records].reverse();
    expect(scoreTimeColumn(reversed, combined(2, "%Y-%m-%d %H:%M"), names)).toBe(scoreTimeColumn(records, combined(2, "%Y-%m-%d %H:%M"), names));
  });

  it("prefers the start of a period to its end", () => {
    const period = [["01.01.2017", "02.01.2017"], ["02.01.2017", "03.01.2017"], ["03.01.2017", "04.01.2017"]];
    const both = ["Datum von", "Datum bis"];
    expect(scoreTimeColumn(period, combined(0, "%d.%m.%Y"), both)).toBeGreaterThan(scoreTimeColumn(period, combined(1, "%d.%m.%Y"), both));
  });
});
