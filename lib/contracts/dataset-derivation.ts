import { z } from "zod";
import { regressionSpecSchema } from "@/lib/analysis/regression-spec";
import { alignSpecSchema } from "@/lib/process/align-spec";
import { recipeSchema } from "@/lib/process/recipe";
import { datasetIdSchema } from "./dataset-view";

/**
 * How a dataset is made from others (stored with it as its lineage): a recipe run on one
 * dataset, several aligned onto one grid, the points inside a regression band, or a trained
 * model's forecasts. One schema for the UI, the server action, the job and the tests.
 */
export const recipeDerivationSchema = z.strictObject({ kind: z.literal("recipe"), sourceId: datasetIdSchema, recipe: recipeSchema });

export const alignDerivationSchema = z.strictObject({
  kind: z.literal("align"),
  spec: alignSpecSchema.superRefine((spec, ctx) => {
    spec.series.forEach((series, index) => {
      if (series.datasetId === undefined) ctx.addIssue({ code: "custom", path: ["series", index, "datasetId"], message: "choose a dataset" });
      else if (!datasetIdSchema.safeParse(series.datasetId).success) ctx.addIssue({ code: "custom", path: ["series", index, "datasetId"], message: "not a dataset id" });
    });
  }),
});

export const regressionBandDerivationSchema = z.strictObject({
  kind: z.literal("regression-band"),
  xDatasetId: datasetIdSchema,
  yDatasetId: datasetIdSchema,
  spec: regressionSpecSchema,
});

export const forecastDerivationSchema = z.strictObject({ kind: z.literal("forecast"), sourceId: datasetIdSchema, modelId: z.string().uuid({ message: "not a model id" }) });

export const derivationSchema = z.discriminatedUnion("kind", [recipeDerivationSchema, alignDerivationSchema, regressionBandDerivationSchema, forecastDerivationSchema], {
  error: "expected a derivation of kind recipe, align, regression-band or forecast",
});
export type Derivation = z.infer<typeof derivationSchema>;
export type DerivationKind = Derivation["kind"];

export const deriveRequestSchema = z.strictObject({
  name: z.string().trim().min(1, { message: "give the new dataset a name" }).max(255, { message: "at most 255 characters" }),
  derivation: derivationSchema,
});
export type DeriveRequest = z.infer<typeof deriveRequestSchema>;

/** The source datasets of a derivation, each once, in the order they are used. */
export function sourceIdsOf(derivation: Derivation): string[] {
  switch (derivation.kind) {
    case "recipe":
    case "forecast":
      return [derivation.sourceId];
    case "align":
      return [...new Set(derivation.spec.series.map((series) => series.datasetId!))];
    case "regression-band":
      return [...new Set([derivation.xDatasetId, derivation.yDatasetId])];
  }
}

/** The answer of the deriveDataset server action. */
export type StartDerivationResult = { ok: true; datasetId: string; jobId: string } | { ok: false; error: string };
