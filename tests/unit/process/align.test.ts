import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyseSeries } from "@/lib/analysis/analyse-series";
import { alignSeries, describeRequirement, gridRequirement, methodsRequired, type AlignInput } from "@/lib/process/align";
import type { AlignSpec } from "@/lib/process/align-spec";
import { SpecError } from "@/lib/process/spec-errors";
import { irregularSeries, MINUTE, sameNumbers, times, values } from "./series-arbitraries";

const at = (...clock: string[]) => times(...clock.map((c) => `2024-01-01T${c}Z`));
const iso = (time: number) => new Date(time).toISOString().slice(11, 19);

const quarterHourly: AlignInput = {
  label: "a",
  frame: { time: at("00:00:00", "00:15:00", "00:30:00", "00:45:00"), columns: [{ name: "P", unit: "kW", values: values(1, 2, 3, 4) }] },
};
const tenMinutes: AlignInput = {
  label: "b",
  frame: { time: at("00:05:00", "00:15:00", "00:25:00", "00:35:00", "01:05:00"), columns: [{ name: "P", values: values(10, 20, 30, 40, 50) }, { name: "T", values: values(1, 2, 3, 4, 5) }] },
};

describe("alignSeries", () => {
  it("takes values at matching timestamps for a series already on the grid and resamples the others", () => {
    const spec: AlignSpec = { stepMinutes: 15, series: [{ file: "a.csv" }, { file: "b.csv", method: "linear" }] };
    const result = alignSeries(spec, [quarterHourly, tenMinutes]);
    expect(Array.from(result.time, iso)).toEqual(["00:00:00", "00:15:00", "00:30:00", "00:45:00", "01:00:00"]);
    expect(result.columns.map((c) => c.name)).toEqual(["P (a)", "P (b)"]);
    expect(result.columns[0].unit).toBe("kW");
    expect(Array.from(result.columns[0].values)).toEqual([1, 2, 3, 4, NaN]);
    expect(Array.from(result.columns[1].values)).toEqual([NaN, 20, 35, 40 + 10 * (10 / 30), 40 + 10 * (25 / 30)]);
  });

  it("names a series that needs a method and what must change", () => {
    const spec: AlignSpec = { stepMinutes: 15, series: [{ file: "a.csv" }, { file: "b.csv" }] };
    try {
      alignSeries(spec, [quarterHourly, tenMinutes]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SpecError);
      expect((error as SpecError).path).toBe("series[1].method");
      expect((error as SpecError).message).toContain("b (column P) needs a method: its time step 10 min -> 15 min, offset 5 min -> 0 min");
    }
    const required = methodsRequired(spec, [quarterHourly, tenMinutes]);
    expect(required).toHaveLength(1);
    expect(required[0]).toMatchObject({ series: 1, currentStepMinutes: 10, requestedStepMinutes: 15, currentOffsetMinutes: 5, requestedOffsetMinutes: 0 });
    expect(describeRequirement(required[0])).toMatch(/choose one of mean, nearest/);
  });

  it("requires a method when only the offset differs", () => {
    const spec: AlignSpec = { stepMinutes: 15, offsetMinutes: 5, series: [{ file: "a.csv" }] };
    expect(() => alignSeries(spec, [quarterHourly])).toThrow(/offset 0 min -> 5 min/);
    expect(methodsRequired({ stepMinutes: 15, offsetMinutes: 15, series: [{ file: "a.csv" }] }, [quarterHourly])).toEqual([]);
  });

  it("says the same from a series' stored analysis (step and offset) as from its rows", () => {
    const spec: AlignSpec = { stepMinutes: 15, series: [{ file: "a.csv" }, { file: "b.csv", column: "T" }] };
    const fromRows = methodsRequired(spec, [quarterHourly, tenMinutes]);
    const fromAnalysis = [quarterHourly, tenMinutes].flatMap((input, index) => {
      const { stepMinutes, offsetMinutes } = analyseSeries(input.frame);
      const needed = gridRequirement(spec, { stepMinutes, offsetMinutes }, { index, label: input.label, column: spec.series[index].column ?? input.frame.columns[0].name });
      return needed ? [needed] : [];
    });
    expect(fromAnalysis).toEqual(fromRows);
    expect(describeRequirement(fromAnalysis[0])).toBe(
      "b (column T) needs a method: its time step 10 min -> 15 min, offset 5 min -> 0 min; choose one of " + fromAnalysis[0].validMethods.join(", "),
    );
  });

  it("needs a method when the step is unknown (a single row), not for an offset equal modulo the step or off by a rounding error", () => {
    expect(gridRequirement({ stepMinutes: 15 }, { stepMinutes: null, offsetMinutes: 0 }, { index: 0, label: "one", column: "v" })).toMatchObject({ currentStepMinutes: null });
    expect(gridRequirement({ stepMinutes: 15, offsetMinutes: -15 }, { stepMinutes: 15, offsetMinutes: 1e-12 }, { index: 0, label: "a", column: "v" })).toBeNull();
    expect(gridRequirement({ stepMinutes: 15, offsetMinutes: 20 }, { stepMinutes: 15, offsetMinutes: 5 }, { index: 0, label: "a", column: "v" })).toBeNull();
  });

  it("uses one anchor for all series and the union of their windows, missing elsewhere", () => {
    const early: AlignInput = { label: "early", frame: { time: at("00:00:00", "00:07:00"), columns: [{ name: "x", values: values(1, 2) }] } };
    const late: AlignInput = { label: "late", frame: { time: at("01:00:00", "01:30:00"), columns: [{ name: "y", values: values(3, 4) }] } };
    const result = alignSeries({ stepMinutes: 7, series: [{ file: "e", method: "nearest" }, { file: "l", method: "nearest" }] }, [early, late]);
    // lattice 00:00 + k·7 min: early covers 00:00, 00:07; late covers 01:03 … 01:24
    expect(Array.from(result.time, iso)).toEqual(["00:00:00", "00:07:00", "01:03:00", "01:10:00", "01:17:00", "01:24:00"]);
    expect(Array.from(result.columns[0].values)).toEqual([1, 2, NaN, NaN, NaN, NaN]);
    // 01:30 lies outside the nearest window of 01:24 ([01:20:30, 01:27:30])
    expect(Array.from(result.columns[1].values)).toEqual([NaN, NaN, 3, NaN, NaN, NaN]);
  });

  it("applies start and end with the start rule and drops rows outside", () => {
    const spec: AlignSpec = { stepMinutes: 15, start: "2024-01-01T00:10:00Z", end: "2024-01-01T00:40:00Z", series: [{ file: "b", column: "T", method: "mean" }] };
    const result = alignSeries(spec, [tenMinutes]);
    expect(Array.from(result.time, iso)).toEqual(["00:15:00", "00:30:00"]);
    expect(result.columns[0].name).toBe("T");
    expect(Array.from(result.columns[0].values)).toEqual([2, 3.5]);
  });

  it("uses explicit names and keeps names unique", () => {
    const spec: AlignSpec = { stepMinutes: 15, series: [{ file: "a", name: "load" }, { file: "a" }, { file: "a" }] };
    const result = alignSeries(spec, [quarterHourly, quarterHourly, quarterHourly]);
    expect(result.columns.map((c) => c.name)).toEqual(["load", "P (a)", "P (a) (2)"]);
  });

  it("names a missing column", () => {
    expect(() => alignSeries({ stepMinutes: 15, series: [{ file: "a", column: "Q" }] }, [quarterHourly])).toThrow("series[0].column: a has no column 'Q' (columns: P)");
  });

  it("handles a series with no rows in the window", () => {
    const result = alignSeries({ stepMinutes: 15, end: "2023-12-31T00:00:00Z", series: [{ file: "a" }] }, [quarterHourly]);
    expect(result.time).toHaveLength(0);
    expect(result.columns[0].values).toHaveLength(0);
  });
});

describe("alignSeries: property against a plain reference", () => {
  /** Mean over [g - step/2, g + step/2] of the present values, computed from scratch. */
  function plainMean(time: Float64Array, vs: Float64Array, g: number, step: number): number {
    const inside = Array.from(vs).filter((v, i) => !Number.isNaN(v) && time[i] >= g - step / 2 && time[i] <= g + step / 2);
    return inside.length === 0 ? NaN : inside.reduce((a, b) => a + b, 0) / inside.length;
  }

  it("puts every series on one lattice over the union of its windows", () => {
    fc.assert(
      fc.property(irregularSeries(25), irregularSeries(25), fc.constantFrom(5, 7, 15, 60), fc.integer({ min: -10, max: 70 }), (a, b, stepMinutes, offsetMinutes) => {
        const step = stepMinutes * MINUTE;
        const inputs = [a, b].map((series, i) => ({ label: `s${i}`, frame: { time: series.time, columns: [{ name: "v", values: series.values }] } }));
        const result = alignSeries({ stepMinutes, offsetMinutes, series: [{ file: "a", method: "mean" }, { file: "b", method: "mean" }] }, inputs);
        const firsts = [a, b].filter((s) => s.time.length > 0).map((s) => s.time[0]);
        if (firsts.length === 0) return result.time.length === 0;
        const anchor = Math.floor(Math.min(...firsts) / 3_600_000) * 3_600_000 + (((offsetMinutes % stepMinutes) + stepMinutes) % stepMinutes) * MINUTE;
        // The plain grid: every lattice point inside some series' [first, last].
        const expectedTimes: number[] = [];
        const lastTime = Math.max(...[a, b].filter((s) => s.time.length > 0).map((s) => s.time[s.time.length - 1]));
        for (let g = anchor; g <= lastTime; g += step) {
          if ([a, b].some((s) => s.time.length > 0 && g >= s.time[0] && g <= s.time[s.time.length - 1])) expectedTimes.push(g);
        }
        if (!sameNumbers(result.time, expectedTimes)) return false;
        return [a, b].every((s, c) => {
          const expected = expectedTimes.map((g) => (s.time.length > 0 && g >= s.time[0] && g <= s.time[s.time.length - 1] ? plainMean(s.time, s.values, g, step) : NaN));
          return sameNumbers(result.columns[c].values, expected, 1e-12);
        });
      }),
      { numRuns: 300 },
    );
  });
});
