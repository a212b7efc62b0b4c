import { recipeSchema, type Recipe } from "./recipe";
import { describeIssue } from "./spec-errors";

export type RecipeCheck = { ok: true; recipe: Recipe } | { ok: false; issues: Map<string, string> };

/** `columns` entries that name no column of the dataset (no step adds or renames columns). */
function unknownColumns(input: unknown, available: readonly string[]): { path: string; reason: string }[] {
  const steps = (input as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((step, i) => {
    const names = (step as { columns?: unknown } | null)?.columns;
    if (!Array.isArray(names)) return [];
    return names.flatMap((name, k) =>
      typeof name === "string" && name !== "" && !available.includes(name) ? [{ path: `steps[${i}].columns[${k}]`, reason: `no column '${name}' (columns: ${available.join(", ") || "none"})` }] : [],
    );
  });
}

/**
 * Validates a recipe being edited against the one recipe schema and, when the dataset's
 * column names are given, against them; when invalid, gives every problem by the path of its
 * field (`steps[2].maxGapMinutes` → its message), so a form can show each message next to its
 * field. Problems of one field are joined.
 */
export function checkRecipe(input: unknown, columns?: readonly string[]): RecipeCheck {
  const result = recipeSchema.safeParse(input);
  const problems = [...(result.success ? [] : result.error.issues.flatMap(describeIssue)), ...(columns ? unknownColumns(input, columns) : [])];
  if (result.success && problems.length === 0) return { ok: true, recipe: result.data };
  const issues = new Map<string, string>();
  for (const { path, reason } of problems) {
    const known = issues.get(path);
    issues.set(path, known && known !== reason ? `${known}; ${reason}` : reason);
  }
  return { ok: false, issues };
}
