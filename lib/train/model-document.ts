import { z } from "zod";
import type { ColumnScaler } from "./scalers";
import { modelConfigSchema, trainingConfigSchema, type ModelKind } from "./training-config";

/**
 * A trained model as ONE JSON document: the training config it came from (which fixes the
 * windows, time features and feature layout), the model's own config, the fitted scalers
 * and the model's learned state. `predictFromDocument` needs nothing else.
 */

export const scalerSchema = z.object({ scale: z.array(z.number()), shift: z.array(z.number()) });

const netWeightSchema = z.object({ shape: z.array(z.number().int()), base64: z.string() });

export const modelStateSchemas = {
  naive: z.object({}),
  seasonalNaive: z.object({ periodHours: z.number().positive() }),
  linear: z.object({
    normalize: z.enum(["none", "last", "mean"]),
    coefficients: z.array(z.number()),
    intercept: z.array(z.number()),
  }),
  svr: z.object({ models: z.array(z.string()) }),
  dense: z.object({ weights: z.array(netWeightSchema) }),
  cnn: z.object({ weights: z.array(netWeightSchema) }),
  lstm: z.object({ weights: z.array(netWeightSchema) }),
  arLstm: z.object({ weights: z.array(netWeightSchema) }),
} satisfies Record<ModelKind, z.ZodType>;

export const MODEL_DOCUMENT_FORMAT = "chronoframe-model";

export const modelDocumentSchema = z
  .object({
    format: z.literal(MODEL_DOCUMENT_FORMAT),
    version: z.literal(1),
    createdAt: z.string(),
    config: trainingConfigSchema,
    model: modelConfigSchema,
    inputScaler: scalerSchema,
    outputScaler: scalerSchema,
    state: z.unknown(),
  })
  .superRefine((document, context) => {
    const parsed = modelStateSchemas[document.model.kind].safeParse(document.state);
    if (!parsed.success) context.addIssue({ code: "custom", path: ["state"], message: `not a valid ${document.model.kind} state` });
  });

export type ModelDocument = z.infer<typeof modelDocumentSchema>;
export type SerialisedScaler = z.infer<typeof scalerSchema>;

export function serialiseScaler(scaler: ColumnScaler): SerialisedScaler {
  return { scale: Array.from(scaler.scale), shift: Array.from(scaler.shift) };
}

export function deserialiseScaler(scaler: SerialisedScaler): ColumnScaler {
  return { scale: Float64Array.from(scaler.scale), shift: Float64Array.from(scaler.shift) };
}
