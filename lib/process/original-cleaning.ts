import type { Recipe, RecipeStep } from "./recipe";

/**
 * The eight parameters of the original's cleaning form (docs/recipe-v1.md). Absent
 * or undefined means "off"; as in the original, 0 turns eqMax and gapMax off, while 0 is a
 * valid limit.
 */
export interface OriginalCleaningParameters {
  /** Remove runs of identical values lasting >= eqMax minutes ("Messausfall"). */
  eqMax?: number;
  elMax?: number;
  elMin?: number;
  /** The original's radio "ja": remove values equal to 0. */
  removeZeros?: boolean;
  /** The original's "remove non-numeric values": a no-op here, since columns hold only numbers or missing. */
  removeNonNumeric?: boolean;
  /** Gradient outliers: both chgMax (per minute) and lgMax (minutes) must be set. */
  chgMax?: number;
  lgMax?: number;
  gapMax?: number;
}

/**
 * The recipe that does what the original's clean_data did, in its order: flatline, limits,
 * zeros, gradient, gap filling, and the limits once more so that filled values obey them.
 */
export function recipeFromOriginalCleaning(parameters: OriginalCleaningParameters, columns?: string[]): Recipe {
  const { eqMax, elMax, elMin, chgMax, lgMax, gapMax } = parameters;
  const scope = columns && columns.length > 0 ? { columns } : {};
  const steps: RecipeStep[] = [];
  const limits: RecipeStep | null =
    elMin === undefined && elMax === undefined
      ? null
      : { op: "limits", ...(elMin === undefined ? {} : { min: elMin }), ...(elMax === undefined ? {} : { max: elMax }), ...scope };
  if (eqMax) steps.push({ op: "flatline", minutes: eqMax, ...scope });
  if (limits) steps.push(limits);
  if (parameters.removeZeros) steps.push({ op: "dropZeros", ...scope });
  if (chgMax !== undefined && lgMax !== undefined) steps.push({ op: "gradient", maxChangePerMinute: chgMax, maxDurationMinutes: lgMax, ...scope });
  if (gapMax) {
    steps.push({ op: "fillGaps", maxGapMinutes: gapMax, ...scope });
    if (limits) steps.push(limits);
  }
  return { version: 1, steps };
}
