import { z } from "zod";
import { finiteNumber, isoInstant, positiveNumber, RESAMPLE_WINDOWS, resampleMethod } from "./recipe";
import { parseSpec } from "./spec-errors";
import { parseIsoInstant } from "./time";

/**
 * Align spec (docs/recipe-v1.md#align-spec): several series onto one grid and time window. `file` paths are
 * relative to the spec file (CLI); `datasetId` names a stored dataset (app).
 */
export const alignSeriesSchema = z
  .strictObject(
    {
      file: z.string({ error: "expected a file path" }).min(1, { error: "expected a file path" }).optional(),
      datasetId: z.string({ error: "expected a dataset id" }).min(1, { error: "expected a dataset id" }).optional(),
      /** The value column; default the first one. */
      column: z.string({ error: "expected a column name" }).min(1, { error: "expected a column name" }).optional(),
      /** Name of the output column; default the column name, made unique (see alignSeries). */
      name: z.string({ error: "expected a column name" }).min(1, { error: "expected a column name" }).optional(),
      /** Needed unless the series' detected step and offset already equal the target. */
      method: resampleMethod().optional(),
      maxGapMinutes: positiveNumber().optional(),
      window: z.enum(RESAMPLE_WINDOWS, { error: `expected one of ${RESAMPLE_WINDOWS.join(", ")}` }).optional(),
    },
    { error: "expected an object with file or datasetId" },
  )
  .superRefine((series, ctx) => {
    if ((series.file === undefined) === (series.datasetId === undefined)) {
      ctx.addIssue({ code: "custom", path: ["file"], message: "expected exactly one of file and datasetId" });
    }
  });

export const alignSpecSchema = z
  .strictObject(
    {
      stepMinutes: positiveNumber(),
      /** Past the full hour, taken modulo the step; default 0. */
      offsetMinutes: finiteNumber().optional(),
      start: isoInstant().optional(),
      end: isoInstant().optional(),
      series: z
        .array(alignSeriesSchema, { error: "expected a list of series" })
        .min(1, { error: "expected at least one series" }),
    },
    { error: 'expected a JSON object like {"stepMinutes": 15, "series": [...]}' },
  )
  .superRefine((spec, ctx) => {
    if (spec.start !== undefined && spec.end !== undefined && parseIsoInstant(spec.start) > parseIsoInstant(spec.end)) {
      ctx.addIssue({ code: "custom", path: ["end"], message: `expected a time at or after start (${spec.start})` });
    }
  });

export type AlignSpec = z.infer<typeof alignSpecSchema>;
export type AlignSeriesSpec = z.infer<typeof alignSeriesSchema>;

export function parseAlignSpec(input: unknown): AlignSpec {
  return parseSpec(alignSpecSchema, input, "spec");
}
