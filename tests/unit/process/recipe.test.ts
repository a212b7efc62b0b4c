import { describe, expect, it } from "vitest";
import { parseRecipe, recipeSchema, RESAMPLE_METHODS } from "@/lib/process/recipe";
import { SpecError } from "@/lib/process/spec-errors";

function errorOf(input: unknown): SpecError {
  try {
    parseRecipe(input);
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error("expected the recipe to be rejected");
}

describe("recipe schema", () => {
  it("accepts every op with its parameters", () => {
    const recipe = {
      version: 1,
      name: "clean",
      steps: [
        { op: "flatline", minutes: 60, columns: ["P"] },
        { op: "limits", min: 0, max: 500 },
        { op: "limits", max: 0 },
        { op: "dropZeros" },
        { op: "gradient", maxChangePerMinute: 5, maxDurationMinutes: 30 },
        { op: "fillGaps", maxGapMinutes: 60 },
        { op: "outliers", method: "zscore" },
        { op: "outliers", method: "iqr", threshold: 2 },
        { op: "outliers", method: "hampel", windowMinutes: 30 },
        { op: "crop", start: "2024-01-01T00:00:00Z", end: "2024-02-01" },
        { op: "shift", minutes: -60 },
        ...RESAMPLE_METHODS.map((method) => ({ op: "resample", stepMinutes: 15, method, window: "trailing" })),
        { op: "resample", stepMinutes: 7.5, offsetMinutes: 2.5, method: "linear", maxGapMinutes: 60, start: "2024-01-01T00:00:00Z" },
      ],
    };
    expect(parseRecipe(recipe)).toEqual(recipe);
    expect(recipeSchema.safeParse({ version: 1, steps: [] }).success).toBe(true);
  });

  it("names the path of a bad number", () => {
    const error = errorOf({ version: 1, steps: [{ op: "dropZeros" }, { op: "limits", min: 1 }, { op: "fillGaps", maxGapMinutes: -5 }] });
    expect(error.message).toBe("steps[2].maxGapMinutes: expected a positive number");
    expect(error.path).toBe("steps[2].maxGapMinutes");
  });

  it("names a missing required field", () => {
    expect(errorOf({ version: 1, steps: [{ op: "fillGaps" }] }).message).toMatch(/^steps\[0\]\.maxGapMinutes: required/);
    expect(errorOf({ version: 1, steps: [{ op: "resample", method: "mean" }] }).path).toBe("steps[0].stepMinutes");
  });

  it("rejects numbers given as text, NaN-like and infinite values", () => {
    expect(errorOf({ version: 1, steps: [{ op: "fillGaps", maxGapMinutes: "60" }] }).path).toBe("steps[0].maxGapMinutes");
    expect(errorOf({ version: 1, steps: [{ op: "shift", minutes: Infinity }] }).path).toBe("steps[0].minutes");
  });

  it("names an unknown op, method, window and field", () => {
    expect(errorOf({ version: 1, steps: [{ op: "smooth" }] }).message).toMatch(/^steps\[0\]\.op: expected op to be one of flatline/);
    expect(errorOf({ version: 1, steps: [{ op: "resample", stepMinutes: 15, method: "avg" }] }).message).toMatch(
      /^steps\[0\]\.method: expected one of mean, nearest/,
    );
    expect(errorOf({ version: 1, steps: [{ op: "resample", stepMinutes: 15, method: "mean", window: "left" }] }).path).toBe("steps[0].window");
    expect(errorOf({ version: 1, steps: [{ op: "fillGaps", maxGap: 60, maxGapMinutes: 60 }] }).message).toBe("steps[0].maxGap: unknown field");
  });

  it("checks fields that depend on each other", () => {
    expect(errorOf({ version: 1, steps: [{ op: "limits" }] }).path).toBe("steps[0].min");
    expect(errorOf({ version: 1, steps: [{ op: "limits", min: 5, max: 1 }] }).path).toBe("steps[0].max");
    expect(errorOf({ version: 1, steps: [{ op: "outliers", method: "hampel" }] }).path).toBe("steps[0].windowMinutes");
    expect(errorOf({ version: 1, steps: [{ op: "crop", start: "2024-02-01", end: "2024-01-01" }] }).path).toBe("steps[0].end");
  });

  it("rejects bad times, empty column lists and a wrong version", () => {
    expect(errorOf({ version: 1, steps: [{ op: "crop", start: "31.01.2024" }] }).path).toBe("steps[0].start");
    expect(errorOf({ version: 1, steps: [{ op: "dropZeros", columns: [] }] }).path).toBe("steps[0].columns");
    expect(errorOf({ version: 1, steps: [{ op: "dropZeros", columns: ["a", ""] }] }).path).toBe("steps[0].columns[1]");
    expect(errorOf({ version: 2, steps: [] }).path).toBe("version");
    expect(errorOf({ version: 1 }).path).toBe("steps");
    expect(errorOf([]).message).toMatch(/^recipe: expected a JSON object/);
  });

  it("keeps every message on one line", () => {
    const error = errorOf({ version: 3, steps: [{ op: "x" }, { op: "limits", min: "a" }] });
    expect(error.message.split("\n")).toHaveLength(1);
    expect(error.message).toContain("version");
    expect(error.message).toContain("steps[1].min");
  });
});
