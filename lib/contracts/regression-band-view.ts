import { z } from "zod";
import { REGRESSION_KINDS, regressionSpecSchema, TOLERANCE_KINDS } from "@/lib/analysis/regression-spec";
import { datasetIdSchema } from "./dataset-view";

/** Points drawn at most in the scatter; the counts always cover every point. */
export const BAND_CHART_MAX_POINTS = 5000;
/** Grid points in x on which the fitted curve and the band edges are drawn. */
export const BAND_CURVE_POINTS = 200;

const count = z.number().int().nonnegative();
const xy = z.tuple([z.number(), z.number()]);

/**
 * A regression band as the browser draws it: the exact fit, tolerances and counts, an
 * evenly thinned subset of the points split into inside/outside, and the curve with its band
 * ([x, prediction, lower, upper]) on a grid of x over the range of the points.
 */
export const bandChartSchema = z.object({
  kind: z.enum(REGRESSION_KINDS),
  tolerance: z.enum(TOLERANCE_KINDS),
  xColumn: z.string(),
  yColumn: z.string(),
  /** Lowest power first: linear [b, a], quadratic [b, c1, c2]. */
  coefficients: z.array(z.number()),
  equation: z.string(),
  r2: z.number(),
  tolCnt: z.number(),
  tolDep: z.number().nullable(),
  counts: z.object({ points: count, inside: count, outside: count }),
  drawn: z.object({ inside: z.array(xy), outside: z.array(xy) }),
  curve: z.array(z.tuple([z.number(), z.number(), z.number(), z.number()])),
});
export type BandChart = z.infer<typeof bandChartSchema>;

/** Draw a band: the x and y series by dataset (may be the same one) and the spec. */
export const bandPreviewRequestSchema = z.strictObject(
  {
    xDatasetId: datasetIdSchema,
    yDatasetId: datasetIdSchema,
    spec: regressionSpecSchema,
  },
  { error: "expected {xDatasetId, yDatasetId, spec}" },
);
export type BandPreviewRequest = z.infer<typeof bandPreviewRequestSchema>;

/**
 * The band as drawn, or why it cannot be: a message naming the field of a bad request, or
 * saying what the data lack (`inData`: no common timestamps, too few distinct x).
 */
export type BandPreviewResult = { ok: true; chart: BandChart } | { ok: false; error: string; inData?: true };
