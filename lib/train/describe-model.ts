import type { ModelConfig } from "./training-config";

/** A model's kind with the settings that tell it apart from others of its kind, e.g. `dense 2×16 relu, 20 epochs`. */
export function describeModel(model: ModelConfig): string {
  switch (model.kind) {
    case "naive":
      return "naive";
    case "seasonalNaive":
      return `seasonal naive ${model.periodHours} h`;
    case "linear": {
      const settings = [model.normalize !== "none" ? `normalize ${model.normalize}` : null, model.alpha > 0 ? `α ${model.alpha}` : null].filter(Boolean);
      return settings.length > 0 ? `linear (${settings.join(", ")})` : "linear";
    }
    case "svr":
      return `SVR ${model.mode} ${model.kernel}, C ${model.C}, ε ${model.epsilon}`;
    default: {
      const name = { dense: "dense", cnn: "CNN", lstm: "LSTM", arLstm: "AR-LSTM" }[model.kind];
      return `${name} ${model.layers}×${model.units} ${model.activation}, ${model.epochs} epochs`;
    }
  }
}
