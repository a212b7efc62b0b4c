import { describe, expect, it } from "vitest";
import { recipeVersionRequestSchema } from "@/lib/contracts/recipe-version";
import { savedRecipeInputSchema } from "@/lib/contracts/saved-recipe";
import { formatPath } from "@/lib/process/spec-errors";

const firstProblem = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
  const issue = result.error!.issues[0];
  return `${formatPath(issue.path)}: ${issue.message}`;
};

describe("saved recipe and recipe version requests", () => {
  it("accept a name and a valid recipe, trimming the name", () => {
    const recipe = { version: 1 as const, steps: [{ op: "fillGaps" as const, maxGapMinutes: 30 }] };
    expect(savedRecipeInputSchema.parse({ name: "  Meter  ", recipe })).toEqual({ name: "Meter", recipe });
    expect(recipeVersionRequestSchema.parse({ name: "v2", recipe })).toEqual({ name: "v2", recipe });
  });

  it("name the path of an invalid recipe field, an empty name and an unknown key", () => {
    expect(firstProblem(savedRecipeInputSchema.safeParse({ name: "x", recipe: { version: 1, steps: [{ op: "limits" }] } }))).toBe("recipe.steps[0].min: expected min, max or both");
    expect(firstProblem(savedRecipeInputSchema.safeParse({ name: " ", recipe: { version: 1, steps: [] } }))).toBe("name: give the recipe a name");
    expect(firstProblem(recipeVersionRequestSchema.safeParse({ name: "x", recipe: { version: 1, steps: [{ op: "shift" }] } }))).toBe("recipe.steps[0].minutes: required: expected a number");
    expect(recipeVersionRequestSchema.safeParse({ name: "x", recipe: { version: 1, steps: [] }, extra: true }).success).toBe(false);
  });
});
