import type { Recipe } from "./recipe";

/**
 * The recipe's leading steps that keep each value on its own timestamp (everything before
 * the first `shift` or `resample`): only their effect can be shown as values removed or
 * filled; after a shift or a resample the rows are new ones.
 */
export function valueStepsPrefix(recipe: Recipe): Recipe {
  const end = recipe.steps.findIndex((step) => step.op === "shift" || step.op === "resample");
  return end === -1 ? recipe : { ...recipe, steps: recipe.steps.slice(0, end) };
}
