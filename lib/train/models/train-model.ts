import type { ModelConfig } from "../training-config";
import { trainLinear, restoreLinear, type LinearState } from "./linear";
import { ModelConfigurationError, type ModelContext, type TrainedModel, type TrainingData } from "./model";
import { restoreNaive, trainNaive } from "./naive";
import { restoreSeasonalNaive, trainSeasonalNaive, type SeasonalNaiveState } from "./seasonal-naive";

/** Trains the model a config entry describes. */
export async function trainModel(config: ModelConfig, context: ModelContext, data: TrainingData): Promise<TrainedModel> {
  context.signal?.throwIfAborted();
  switch (config.kind) {
    case "naive":
      return trainNaive(context);
    case "seasonalNaive":
      return trainSeasonalNaive(context, config.periodHours);
    case "linear":
      return trainLinear(context, data.train, config.alpha, config.normalize);
    default:
      throw new ModelConfigurationError(`model kind '${config.kind}' is not available yet`);
  }
}

/** Rebuilds a trained model from its config and the `state` it was saved with. */
export async function restoreModel(
  config: ModelConfig,
  context: Pick<ModelContext, "layout" | "inputScaler" | "outputScaler">,
  state: unknown,
): Promise<TrainedModel> {
  switch (config.kind) {
    case "naive":
      return restoreNaive(context);
    case "seasonalNaive":
      return restoreSeasonalNaive(context, state as SeasonalNaiveState);
    case "linear":
      return restoreLinear(context, state as LinearState);
    default:
      throw new ModelConfigurationError(`model kind '${config.kind}' is not available yet`);
  }
}
