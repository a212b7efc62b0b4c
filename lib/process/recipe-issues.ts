import { recipeSchema, type Recipe } from "./recipe";
import { describeIssue } from "./spec-errors";

export type RecipeCheck = { ok: true; recipe: Recipe } | { ok: false; issues: Map<string, string> };

/**
 * Validates a recipe being edited against the one recipe schema and, when invalid, gives
 * every problem by the path of its field (`steps[2].maxGapMinutes` → its message), so a
 * form can show each message next to its field. Problems of one field are joined.
 */
export function checkRecipe(input: unknown): RecipeCheck {
  const result = recipeSchema.safeParse(input);
  if (result.success) return { ok: true, recipe: result.data };
  const issues = new Map<string, string>();
  for (const { path, reason } of result.error.issues.flatMap(describeIssue)) {
    const known = issues.get(path);
    issues.set(path, known && known !== reason ? `${known}; ${reason}` : reason);
  }
  return { ok: false, issues };
}
