import { describe, expect, it } from "vitest";
import { parseAlignSpec } from "@/lib/process/align-spec";

function messageOf(input: unknown): string {
  try {
    parseAlignSpec(input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the spec to be rejected");
}

describe("align spec", () => {
  it("accepts files and dataset ids with optional method, gap, window, column and name", () => {
    const spec = {
      stepMinutes: 15,
      offsetMinutes: 5,
      start: "2024-01-01T00:00:00Z",
      series: [{ file: "a.csv", column: "P", method: "mean", window: "trailing", name: "load" }, { datasetId: "d1", method: "linear", maxGapMinutes: 60 }, { file: "c.csv" }],
    };
    expect(parseAlignSpec(spec)).toEqual(spec);
  });

  it("names the invalid field", () => {
    expect(messageOf({ stepMinutes: 0, series: [{ file: "a.csv" }] })).toBe("stepMinutes: expected a positive number");
    expect(messageOf({ stepMinutes: 15, series: [{ file: "a.csv" }, { file: "b.csv", method: "intrpl" }] })).toMatch(/^series\[1\]\.method: expected one of mean/);
    expect(messageOf({ stepMinutes: 15, series: [{ file: "a.csv", maxGapMinutes: -1 }] })).toBe("series[0].maxGapMinutes: expected a positive number");
    expect(messageOf({ stepMinutes: 15, series: [] })).toBe("series: expected at least one series");
    expect(messageOf({ stepMinutes: 15, series: [{ column: "x" }] })).toBe("series[0].file: expected exactly one of file and datasetId");
    expect(messageOf({ stepMinutes: 15, series: [{ file: "a", datasetId: "b" }] })).toBe("series[0].file: expected exactly one of file and datasetId");
    expect(messageOf({ stepMinutes: 15, start: "2024-02-01", end: "2024-01-01", series: [{ file: "a" }] })).toMatch(/^end: expected a time at or after start/);
    expect(messageOf({ stepMinutes: 15, series: [{ file: "a", methd: "mean" }] })).toBe("series[0].methd: unknown field");
  });
});
