import { describe, expect, it } from "vitest";
import { applyRecipe, applyStep, countChanges } from "@/lib/process/apply-recipe";
import { parseRecipe } from "@/lib/process/recipe";
import { SpecError } from "@/lib/process/spec-errors";
import { MINUTE } from "./series-arbitraries";

const start = Date.UTC(2024, 0, 1);
const frame = {
  time: Float64Array.from([0, 1, 2, 3, 4, 5], (m) => start + m * 10 * MINUTE),
  columns: [
    { name: "P", values: Float64Array.from([1, 0, 600, 4, NaN, 6]) },
    { name: "T", values: Float64Array.from([0, 0, 0, 0, 0, 0]) },
  ],
};

describe("applyRecipe", () => {
  it("runs the steps in order and counts removed and filled values per step", () => {
    const recipe = parseRecipe({
      version: 1,
      steps: [
        { op: "limits", max: 500 },
        { op: "dropZeros", columns: ["P"] },
        { op: "fillGaps", maxGapMinutes: 40 },
      ],
    });
    const result = applyRecipe(frame, recipe);
    expect(Array.from(result.frame.columns[0].values)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.steps).toEqual([
      { op: "limits", removed: 1, filled: 0, rowsBefore: 6, rowsAfter: 6 },
      { op: "dropZeros", removed: 1, filled: 0, rowsBefore: 6, rowsAfter: 6 },
      { op: "fillGaps", removed: 0, filled: 3, rowsBefore: 6, rowsAfter: 6 },
    ]);
    expect(Array.from(frame.columns[0].values)).toEqual([1, 0, 600, 4, NaN, 6]);
  });

  it("reports row counts for steps that change the rows", () => {
    const result = applyRecipe(frame, parseRecipe({ version: 1, steps: [{ op: "crop", end: "2024-01-01T00:20:00Z" }, { op: "resample", stepMinutes: 60, method: "count" }] }));
    expect(result.steps.map((s) => [s.op, s.rowsBefore, s.rowsAfter, s.removed, s.filled])).toEqual([
      ["crop", 6, 3, 0, 0],
      ["resample", 3, 1, 0, 0],
    ]);
    expect(Array.from(result.frame.columns[0].values)).toEqual([3]);
  });

  it("sorts unsorted rows before the first step", () => {
    const unsorted = { time: Float64Array.from([2, 1, 0], (m) => start + m * MINUTE), columns: [{ name: "v", values: Float64Array.from([2, 1, 0]) }] };
    const result = applyRecipe(unsorted, { version: 1, steps: [] });
    expect(Array.from(result.frame.columns[0].values)).toEqual([0, 1, 2]);
  });

  it("names the step of an unknown column", () => {
    try {
      applyRecipe(frame, parseRecipe({ version: 1, steps: [{ op: "dropZeros" }, { op: "limits", min: 0, columns: ["P", "Q"] }] }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SpecError);
      expect((error as SpecError).message).toBe("steps[1].columns[1]: no column 'Q' (columns: P, T)");
    }
  });

  it("calls back after each step", () => {
    const seen: string[] = [];
    applyRecipe(frame, parseRecipe({ version: 1, steps: [{ op: "dropZeros" }, { op: "shift", minutes: 5 }] }), (index, report) => seen.push(`${index}:${report.op}`));
    expect(seen).toEqual(["0:dropZeros", "1:shift"]);
  });

  it("dispatches every op", () => {
    expect(applyStep(frame, { op: "shift", minutes: 1 }).time[0]).toBe(start + MINUTE);
    expect(applyStep(frame, { op: "flatline", minutes: 50 }).columns[1].values.every(Number.isNaN)).toBe(true);
    expect(Number.isNaN(applyStep(frame, { op: "gradient", maxChangePerMinute: 10, maxDurationMinutes: 60 }).columns[0].values[2])).toBe(true);
    expect(applyStep(frame, { op: "outliers", method: "iqr", threshold: 1.5 }).columns[0].values[2]).toBeNaN();
  });
});

describe("countChanges", () => {
  it("counts cells that turned missing and cells that turned present", () => {
    const before = { time: new Float64Array(3), columns: [{ name: "a", values: Float64Array.from([1, NaN, 3]) }] };
    const after = { time: before.time, columns: [{ name: "a", values: Float64Array.from([NaN, 2, 3]) }] };
    expect(countChanges(before, after)).toEqual({ removed: 1, filled: 1 });
    expect(countChanges(before, before)).toEqual({ removed: 0, filled: 0 });
  });
});
