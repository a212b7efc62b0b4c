import { buildFeatureLayout } from "./feature-layout";
import { ModelConfigurationError } from "./models/model";
import { naivePicks } from "./models/naive";
import { seasonalPicks } from "./models/seasonal-naive";
import { modelConfigSchema, type TrainingConfig } from "./training-config";

/**
 * What the series settings make impossible for a model, known before any training: the
 * naive baselines need each output among the inputs, the seasonal one a window reaching
 * back a whole period. Entries that are not valid model settings are left to the form.
 */
export function modelProblems(config: Omit<TrainingConfig, "models">, models: unknown[]): { index: number; message: string }[] {
  const layout = buildFeatureLayout(config);
  return models.flatMap((entry, index) => {
    const model = modelConfigSchema.safeParse(entry);
    if (!model.success) return [];
    try {
      if (model.data.kind === "naive") naivePicks(layout);
      if (model.data.kind === "seasonalNaive") seasonalPicks(layout, model.data.periodHours);
      return [];
    } catch (error) {
      if (error instanceof ModelConfigurationError) return [{ index, message: error.message }];
      throw error;
    }
  });
}
