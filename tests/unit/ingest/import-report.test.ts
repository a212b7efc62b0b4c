import { describe, expect, it } from "vitest";
import { summariseReport, type ImportReport } from "@/lib/ingest/import-report";

describe("summariseReport", () => {
  it("says what was imported, skipped, read as missing and left out", () => {
    const report: ImportReport = {
      rowsRead: 10,
      rowsImported: 8,
      rowsSkipped: 2,
      skipped: [{ reason: "nonexistent local time", count: 2, examples: [{ line: 7, text: "31.03.2024 02:15;1" }] }],
      textCells: [{ column: "P", count: 3, examples: [] }],
      droppedColumns: ["eor"],
      repeatedLocalTimes: 4,
      blankLines: 0,
      zone: { zone: "Europe/Berlin", source: "option", evidence: "", fingerprint: null },
      warnings: [],
    };
    expect(summariseReport(report)).toBe(
      "8 of 10 rows imported; 2 skipped: 2 nonexistent local time (first at line 7); 3 text cells read as missing (P: 3); columns without numbers left out: eor; 4 repeated autumn local times resolved by order",
    );
  });

  it("names time metadata and a detected date order, not a given one", () => {
    const base: ImportReport = { rowsRead: 3, rowsImported: 3, rowsSkipped: 0, skipped: [], textCells: [], droppedColumns: [], repeatedLocalTimes: 0, blankLines: 0, zone: null, warnings: [] };
    const report: ImportReport = { ...base, timeMetadata: [{ column: "unix", reason: "epoch time" }], dateOrder: { format: "%m/%d/%Y %H:%M", decidedBy: "data" } };
    expect(summariseReport(report)).toBe("3 of 3 rows imported; time-like columns left out: unix (epoch time); dates read as %m/%d/%Y %H:%M (day/month order by data)");
    expect(summariseReport({ ...base, dateOrder: { format: "%d/%m/%Y", decidedBy: "given" } })).toBe("3 of 3 rows imported");
  });

  it("is short when all went well", () => {
    const report: ImportReport = { rowsRead: 3, rowsImported: 3, rowsSkipped: 0, skipped: [], textCells: [], droppedColumns: [], repeatedLocalTimes: 0, blankLines: 1, zone: null, warnings: [] };
    expect(summariseReport(report)).toBe("3 of 3 rows imported");
  });

  it("names every warning", () => {
    const fingerprint = { zone: "Europe/Berlin", family: "central-european" as const, gaps: ["2024-03-31 02:00–02:59"], repeats: [] };
    const report: ImportReport = {
      rowsRead: 3,
      rowsImported: 3,
      rowsSkipped: 0,
      skipped: [],
      textCells: [],
      droppedColumns: [],
      repeatedLocalTimes: 0,
      blankLines: 0,
      zone: { zone: "UTC", source: "option", evidence: "", fingerprint: null },
      warnings: [
        { kind: "zone-contradiction", zone: "UTC", fingerprint },
        { kind: "duplicate-timestamps", count: 2, first: Date.UTC(2024, 9, 27, 1) },
      ],
    };
    expect(summariseReport(report)).toBe(
      "3 of 3 rows imported; warning: the data shows the DST pattern of Central European Time (gap 2024-03-31 02:00–02:59) but its times were read in UTC; warning: 2 rows repeat the timestamp of the row before (first at 2024-10-27T01:00:00.000Z)",
    );
  });
});
