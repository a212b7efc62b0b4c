import { OUTLIER_METHODS, RESAMPLE_METHODS, RESAMPLE_WINDOWS, type RecipeOp, type RecipeStep } from "./recipe";

/** One parameter of a recipe step as a form shows it. */
export type StepField = { key: string; kind: "number" } | { key: string; kind: "time" } | { key: string; kind: "choice"; options: readonly string[]; required: boolean };

const number = (key: string): StepField => ({ key, kind: "number" });
const instant = (key: string): StepField => ({ key, kind: "time" });

/** The parameters of each op (docs/recipe-v1.md) besides `columns`, in the order forms and summaries show them. */
export const STEP_FIELDS: Record<RecipeOp, StepField[]> = {
  flatline: [number("minutes")],
  limits: [number("min"), number("max")],
  dropZeros: [],
  gradient: [number("maxChangePerMinute"), number("maxDurationMinutes")],
  fillGaps: [number("maxGapMinutes")],
  outliers: [{ key: "method", kind: "choice", options: OUTLIER_METHODS, required: true }, number("threshold"), number("windowMinutes")],
  crop: [instant("start"), instant("end")],
  shift: [number("minutes")],
  resample: [
    number("stepMinutes"),
    number("offsetMinutes"),
    { key: "method", kind: "choice", options: RESAMPLE_METHODS, required: true },
    { key: "window", kind: "choice", options: RESAMPLE_WINDOWS, required: false },
    number("maxGapMinutes"),
    instant("start"),
    instant("end"),
  ],
};

/** The ops that accept `columns` (all columns when it is absent). */
export const STEP_TAKES_COLUMNS: ReadonlySet<RecipeOp> = new Set(["flatline", "limits", "dropZeros", "gradient", "fillGaps", "outliers"]);

/** The parameters a step sets, in form order whatever the order of its keys (a database may reorder them). */
export function stepParameters(step: RecipeStep): [string, string | number][] {
  const values = step as unknown as Record<string, string | number | undefined>;
  return STEP_FIELDS[step.op].flatMap((field) => {
    const value = values[field.key];
    return value === undefined ? [] : [[field.key, value] as [string, string | number]];
  });
}
