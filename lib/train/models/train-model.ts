import { buildFeatureLayout } from "../feature-layout";
import type { ModelConfig, TrainingConfig } from "../training-config";
import { trainLinear, restoreLinear, type LinearState } from "./linear";
import { ModelConfigurationError, type ModelContext, type TrainedModel, type TrainingData } from "./model";
import { restoreArLstm, trainArLstm } from "./ar-lstm";
import { restoreLayerNet, trainLayerNet, type NetState } from "./neural-net";
import { naivePicks, restoreNaive, trainNaive } from "./naive";
import { restoreSvr, trainSvr, type SvrState } from "./svr";
import { restoreSeasonalNaive, seasonalPicks, trainSeasonalNaive, type SeasonalNaiveState } from "./seasonal-naive";

/**
 * Checks what can be known before any data is read (a baseline's target among the
 * inputs, a seasonal window long enough); the error names the model's path in the config.
 */
export function checkModelConfigs(config: TrainingConfig): void {
  const layout = buildFeatureLayout(config);
  config.models.forEach((model, index) => {
    try {
      if (model.kind === "naive") naivePicks(layout);
      if (model.kind === "seasonalNaive") seasonalPicks(layout, model.periodHours);
    } catch (error) {
      if (error instanceof ModelConfigurationError) throw new ModelConfigurationError(`models.${index}: ${error.message}`);
      throw error;
    }
  });
}

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
    case "svr":
      return trainSvr(config, context, data, context.runtime?.svm);
    case "dense":
    case "cnn":
    case "lstm":
      return trainLayerNet(config, context, data);
    case "arLstm":
      return trainArLstm(config, context, data);
  }
}

/** Rebuilds a trained model from its config and the `state` it was saved with. */
export async function restoreModel(
  config: ModelConfig,
  context: Pick<ModelContext, "layout" | "inputScaler" | "outputScaler" | "runtime">,
  state: unknown,
): Promise<TrainedModel> {
  switch (config.kind) {
    case "naive":
      return restoreNaive(context);
    case "seasonalNaive":
      return restoreSeasonalNaive(context, state as SeasonalNaiveState);
    case "linear":
      return restoreLinear(context, state as LinearState);
    case "svr":
      return restoreSvr(config, context, state as SvrState, context.runtime?.svm);
    case "dense":
    case "cnn":
    case "lstm":
      return restoreLayerNet(config, context, state as NetState);
    case "arLstm":
      return restoreArLstm(config, context, state as NetState);
  }
}
