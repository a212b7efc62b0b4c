import { describe, expect, it } from "vitest";
import { recipeFromOriginalCleaning } from "@/lib/process/original-cleaning";
import { parseRecipe } from "@/lib/process/recipe";

describe("recipeFromOriginalCleaning", () => {
  it("maps all eight parameters in the original's order, with the final limits re-check", () => {
    const recipe = recipeFromOriginalCleaning({ eqMax: 60, elMax: 500, elMin: 0, removeZeros: true, removeNonNumeric: true, chgMax: 5, lgMax: 30, gapMax: 45 });
    expect(recipe.steps).toEqual([
      { op: "flatline", minutes: 60 },
      { op: "limits", min: 0, max: 500 },
      { op: "dropZeros" },
      { op: "gradient", maxChangePerMinute: 5, maxDurationMinutes: 30 },
      { op: "fillGaps", maxGapMinutes: 45 },
      { op: "limits", min: 0, max: 500 },
    ]);
    expect(parseRecipe(recipe)).toEqual(recipe);
  });

  it("treats 0 as off for eqMax and gapMax but as a limit, and needs both gradient parameters", () => {
    expect(recipeFromOriginalCleaning({ eqMax: 0, gapMax: 0, elMax: 0, chgMax: 5 }).steps).toEqual([{ op: "limits", max: 0 }]);
    expect(recipeFromOriginalCleaning({}).steps).toEqual([]);
  });

  it("restricts every step to the given columns", () => {
    expect(recipeFromOriginalCleaning({ removeZeros: true }, ["P"]).steps).toEqual([{ op: "dropZeros", columns: ["P"] }]);
  });
});
