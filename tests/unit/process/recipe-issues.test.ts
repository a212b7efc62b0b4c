import { describe, expect, it } from "vitest";
import { checkRecipe } from "@/lib/process/recipe-issues";

describe("checkRecipe", () => {
  it("passes a valid recipe through as parsed", () => {
    const check = checkRecipe({ version: 1, steps: [{ op: "fillGaps", maxGapMinutes: 60 }] });
    expect(check).toEqual({ ok: true, recipe: { version: 1, steps: [{ op: "fillGaps", maxGapMinutes: 60 }] } });
  });

  it("names every invalid field by its path", () => {
    const check = checkRecipe({
      version: 1,
      steps: [
        { op: "limits" },
        { op: "fillGaps", maxGapMinutes: -5 },
        { op: "outliers", method: "hampel" },
        { op: "resample", stepMinutes: 15, method: "mean", window: "sideways", extra: 1 },
      ],
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.fromEntries(check.issues)).toEqual({
      "steps[0].min": "expected min, max or both",
      "steps[1].maxGapMinutes": "expected a positive number",
      "steps[2].windowMinutes": "required for method hampel: expected a positive number",
      "steps[3].window": "expected one of centered, trailing, leading",
      "steps[3].extra": "unknown field",
    });
  });

  it("reports an unknown op at the step's op and a wrong document at its root", () => {
    const check = checkRecipe({ version: 1, steps: [{ op: "smooth" }] });
    expect(check.ok || Object.fromEntries(check.issues)).toEqual({ "steps[0].op": expect.stringContaining("expected op to be one of flatline") });
    const root = checkRecipe([1, 2]);
    expect(root.ok || [...root.issues.keys()]).toEqual([""]);
  });
});

describe("checkRecipe against the dataset's columns", () => {
  it("names a step's column the dataset lacks, with the columns it has", () => {
    const check = checkRecipe({ version: 1, steps: [{ op: "dropZeros", columns: ["temperature"] }, { op: "limits", max: 40, columns: ["temperature", "humidity"] }] }, ["temperature"]);
    expect(check.ok || Object.fromEntries(check.issues)).toEqual({ "steps[1].columns[1]": "no column 'humidity' (columns: temperature)" });
  });

  it("reports unknown columns beside the schema's problems, and passes known ones", () => {
    const check = checkRecipe({ version: 1, steps: [{ op: "limits", columns: ["x"] }] }, ["a", "b"]);
    expect(check.ok || Object.fromEntries(check.issues)).toEqual({ "steps[0].min": "expected min, max or both", "steps[0].columns[0]": "no column 'x' (columns: a, b)" });
    expect(checkRecipe({ version: 1, steps: [{ op: "dropZeros", columns: ["b"] }] }, ["a", "b"]).ok).toBe(true);
  });
});
