import { z } from "zod";
import { parseSpec } from "./spec-errors";
import { parseIsoInstant } from "./time";

/**
 * Recipe v1 (docs/recipe-v1.md): the one schema that the UI forms, the server actions, the CLI and
 * the tests validate against. Parameters in minutes may be fractional; times are ISO 8601
 * strings (a zone designator is honoured, none means UTC).
 */

function number(expected: string) {
  return z.number({ error: (issue) => (issue.input === undefined ? `required: expected ${expected}` : `expected ${expected}`) });
}

export const positiveNumber = () => number("a positive number").positive({ error: "expected a positive number" });
export const nonNegativeNumber = () => number("a number >= 0").min(0, { error: "expected a number >= 0" });
export const finiteNumber = () => number("a number");

export const isoInstant = () =>
  z
    .string({ error: "expected an ISO 8601 date-time such as 2024-03-31T00:00:00Z" })
    .refine((text) => Number.isFinite(parseIsoInstant(text)), {
      error: "expected an ISO 8601 date-time such as 2024-03-31T00:00:00Z",
    });

const columns = z
  .array(z.string({ error: "expected a column name" }).min(1, { error: "expected a column name" }), {
    error: "expected a list of column names",
  })
  .min(1, { error: "expected at least one column name (leave the field out for all columns)" })
  .optional();

export const flatlineStep = z.strictObject({
  op: z.literal("flatline"),
  /** A run of identical values lasting at least this long is removed. */
  minutes: nonNegativeNumber(),
  columns,
});

export const limitsStep = z
  .strictObject({ op: z.literal("limits"), min: finiteNumber().optional(), max: finiteNumber().optional(), columns })
  .superRefine((step, ctx) => {
    if (step.min === undefined && step.max === undefined) {
      ctx.addIssue({ code: "custom", path: ["min"], message: "expected min, max or both" });
    } else if (step.min !== undefined && step.max !== undefined && step.min > step.max) {
      ctx.addIssue({ code: "custom", path: ["max"], message: `expected a number >= min (${step.min})` });
    }
  });

export const dropZerosStep = z.strictObject({ op: z.literal("dropZeros"), columns });

export const gradientStep = z.strictObject({
  op: z.literal("gradient"),
  maxChangePerMinute: nonNegativeNumber(),
  maxDurationMinutes: nonNegativeNumber(),
  columns,
});

export const fillGapsStep = z.strictObject({ op: z.literal("fillGaps"), maxGapMinutes: positiveNumber(), columns });

export const OUTLIER_METHODS = ["zscore", "iqr", "hampel"] as const;
export const DEFAULT_OUTLIER_THRESHOLD = { zscore: 3, iqr: 1.5, hampel: 3 } as const;

export const outliersStep = z
  .strictObject({
    op: z.literal("outliers"),
    method: z.enum(OUTLIER_METHODS, { error: `expected one of ${OUTLIER_METHODS.join(", ")}` }),
    /** k; defaults: zscore 3, iqr 1.5, hampel 3. */
    threshold: positiveNumber().optional(),
    /** Width of the centred hampel window. */
    windowMinutes: positiveNumber().optional(),
    columns,
  })
  .superRefine((step, ctx) => {
    if (step.method === "hampel" && step.windowMinutes === undefined) {
      ctx.addIssue({ code: "custom", path: ["windowMinutes"], message: "required for method hampel: expected a positive number" });
    }
  });

function startBeforeEnd(step: { start?: string; end?: string }, ctx: z.RefinementCtx) {
  if (step.start !== undefined && step.end !== undefined && parseIsoInstant(step.start) > parseIsoInstant(step.end)) {
    ctx.addIssue({ code: "custom", path: ["end"], message: `expected a time at or after start (${step.start})` });
  }
}

export const cropStep = z
  .strictObject({ op: z.literal("crop"), start: isoInstant().optional(), end: isoInstant().optional() })
  .superRefine(startBeforeEnd);

export const shiftStep = z.strictObject({ op: z.literal("shift"), minutes: finiteNumber() });

export const RESAMPLE_METHODS = [
  "mean",
  "nearest",
  "nearestMean",
  "linear",
  "nearestMaxDelta",
  "sum",
  "min",
  "max",
  "median",
  "first",
  "last",
  "count",
] as const;
export type ResampleMethod = (typeof RESAMPLE_METHODS)[number];

export const RESAMPLE_WINDOWS = ["centered", "trailing", "leading"] as const;
export type ResampleWindow = (typeof RESAMPLE_WINDOWS)[number];

export const resampleMethod = () => z.enum(RESAMPLE_METHODS, { error: `expected one of ${RESAMPLE_METHODS.join(", ")}` });

export const resampleStep = z
  .strictObject({
    op: z.literal("resample"),
    stepMinutes: positiveNumber(),
    /** Grid offset past the full hour; taken modulo the step. Default 0. */
    offsetMinutes: finiteNumber().optional(),
    method: resampleMethod(),
    /** linear and nearestMaxDelta only: a larger distance between prior and next gives missing. */
    maxGapMinutes: positiveNumber().optional(),
    start: isoInstant().optional(),
    end: isoInstant().optional(),
    /** Window-based methods only; default "centered". */
    window: z.enum(RESAMPLE_WINDOWS, { error: `expected one of ${RESAMPLE_WINDOWS.join(", ")}` }).optional(),
  })
  .superRefine(startBeforeEnd);

const STEP_OPS = ["flatline", "limits", "dropZeros", "gradient", "fillGaps", "outliers", "crop", "shift", "resample"] as const;

export const recipeStep = z.discriminatedUnion(
  "op",
  [flatlineStep, limitsStep, dropZerosStep, gradientStep, fillGapsStep, outliersStep, cropStep, shiftStep, resampleStep],
  { error: `expected op to be one of ${STEP_OPS.join(", ")}` },
);

export const recipeSchema = z.strictObject(
  {
  version: z.literal(1, { error: "expected 1 (the only recipe version)" }),
  name: z.string({ error: "expected text" }).optional(),
  description: z.string({ error: "expected text" }).optional(),
  steps: z.array(recipeStep, { error: "expected a list of steps" }),
  },
  { error: "expected a JSON object like {\"version\": 1, \"steps\": [...]}" },
);

export type Recipe = z.infer<typeof recipeSchema>;
export type RecipeStep = z.infer<typeof recipeStep>;
export type RecipeOp = RecipeStep["op"];
export type FlatlineStep = z.infer<typeof flatlineStep>;
export type LimitsStep = z.infer<typeof limitsStep>;
export type DropZerosStep = z.infer<typeof dropZerosStep>;
export type GradientStep = z.infer<typeof gradientStep>;
export type FillGapsStep = z.infer<typeof fillGapsStep>;
export type OutliersStep = z.infer<typeof outliersStep>;
export type CropStep = z.infer<typeof cropStep>;
export type ShiftStep = z.infer<typeof shiftStep>;
export type ResampleStep = z.infer<typeof resampleStep>;

/** Validates a recipe; throws SpecError with a one-line message naming the invalid field. */
export function parseRecipe(input: unknown): Recipe {
  return parseSpec(recipeSchema, input, "recipe");
}
