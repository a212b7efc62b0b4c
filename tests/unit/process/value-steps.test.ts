import { describe, expect, it } from "vitest";
import type { Recipe } from "@/lib/process/recipe";
import { valueStepsPrefix } from "@/lib/process/value-steps";

describe("valueStepsPrefix", () => {
  it("keeps the steps before the first shift or resample; crop keeps values on their timestamps", () => {
    const recipe: Recipe = {
      version: 1,
      steps: [{ op: "limits", max: 5 }, { op: "crop", start: "2024-01-01T00:00:00Z" }, { op: "resample", stepMinutes: 60, method: "mean" }, { op: "fillGaps", maxGapMinutes: 60 }],
    };
    expect(valueStepsPrefix(recipe).steps.map((step) => step.op)).toEqual(["limits", "crop"]);
    expect(valueStepsPrefix({ version: 1, steps: [{ op: "shift", minutes: 60 }, { op: "dropZeros" }] }).steps).toEqual([]);
  });

  it("returns a recipe without such steps as it is", () => {
    const recipe: Recipe = { version: 1, steps: [{ op: "dropZeros" }, { op: "fillGaps", maxGapMinutes: 10 }] };
    expect(valueStepsPrefix(recipe)).toBe(recipe);
  });
});
