import { describe, expect, it } from "vitest";
import { analyseSeries } from "@/lib/analysis/analyse-series";

const at = (...clock: string[]) => Float64Array.from(clock, (c) => Date.parse(`2024-01-01T${c}Z`));

describe("analyseSeries", () => {
  it("reports start, end, rows, step, offset, gaps and per-column statistics", () => {
    const frame = {
      time: at("00:05:00", "00:20:00", "00:35:00", "01:35:00", "01:50:00"),
      columns: [
        { name: "P", unit: "kW", values: Float64Array.from([1, NaN, 3, 8, NaN]) },
        { name: "empty", values: Float64Array.from([NaN, NaN, NaN, NaN, NaN]) },
      ],
    };
    const analysis = analyseSeries(frame);
    expect(analysis).toMatchObject({
      start: Date.parse("2024-01-01T00:05:00Z"),
      end: Date.parse("2024-01-01T01:50:00Z"),
      rows: 5,
      numeric: 3,
      numericShare: 0.3,
      stepMinutes: 15,
      offsetMinutes: 5,
      gapCount: 1,
      gaps: [{ from: Date.parse("2024-01-01T00:35:00Z"), to: Date.parse("2024-01-01T01:35:00Z"), minutes: 60 }],
    });
    expect(analysis.columns[0]).toEqual({ name: "P", unit: "kW", numeric: 3, missing: 2, numericShare: 0.6, min: 1, max: 8, mean: 4 });
    expect(analysis.columns[1]).toEqual({ name: "empty", numeric: 0, missing: 5, numericShare: 0, min: null, max: null, mean: null });
  });

  it("lists only gaps longer than two steps and caps the list", () => {
    const frame = { time: at("00:00:00", "00:10:00", "00:30:00", "00:51:00", "01:12:00", "01:22:00", "01:32:00"), columns: [] };
    const analysis = analyseSeries(frame, 1);
    expect(analysis.gapCount).toBe(2);
    expect(analysis.gaps).toHaveLength(1);
    expect(analysis.gaps[0].minutes).toBe(21);
  });

  it("describes an empty series with nulls", () => {
    expect(analyseSeries({ time: new Float64Array(0), columns: [{ name: "a", values: new Float64Array(0) }] })).toMatchObject({
      start: null,
      end: null,
      rows: 0,
      numericShare: null,
      stepMinutes: null,
      offsetMinutes: null,
      columns: [{ name: "a", numeric: 0, numericShare: null, mean: null }],
    });
  });
});
