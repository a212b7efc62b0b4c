import { z } from "zod";
import { nonNegativeNumber } from "@/lib/process/recipe";
import { parseSpec } from "@/lib/process/spec-errors";

/**
 * The regression band (docs/cli.md#regress). x and y come from two series matched on equal
 * timestamps; the columns default to the first value column of each series.
 */
export const REGRESSION_KINDS = ["linear", "quadratic"] as const;
export const TOLERANCE_KINDS = ["constant", "dependent"] as const;

/** Defaults: tolCnt = this share of the y range, tolDep = 0.1. */
export const DEFAULT_TOL_CNT_SHARE_OF_RANGE = 0.1;
export const DEFAULT_TOL_DEP = 0.1;

export const regressionSpecSchema = z.strictObject(
  {
    xColumn: z.string({ error: "expected a column name" }).min(1, { error: "expected a column name" }).optional(),
    yColumn: z.string({ error: "expected a column name" }).min(1, { error: "expected a column name" }).optional(),
    /** linear: y = a·x + b; quadratic: y = c2·x² + c1·x + b. */
    kind: z.enum(REGRESSION_KINDS, { error: `expected one of ${REGRESSION_KINDS.join(", ")}` }),
    /** constant: |y - p| <= tolCnt; dependent: |y - p| <= tolDep·|p| + tolCnt. */
    tolerance: z.enum(TOLERANCE_KINDS, { error: `expected one of ${TOLERANCE_KINDS.join(", ")}` }),
    /** Absolute tolerance in y units; default 10 % of the y range. Used as set, also when small. */
    tolCnt: nonNegativeNumber().optional(),
    /** Relative tolerance for "dependent"; default 0.1. */
    tolDep: nonNegativeNumber().optional(),
  },
  { error: 'expected a JSON object like {"kind": "linear", "tolerance": "constant"}' },
);

export type RegressionSpec = z.infer<typeof regressionSpecSchema>;
export type RegressionKind = RegressionSpec["kind"];
export type ToleranceKind = RegressionSpec["tolerance"];

export function parseRegressionSpec(input: unknown): RegressionSpec {
  return parseSpec(regressionSpecSchema, input, "spec");
}
