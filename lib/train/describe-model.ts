import type { ModelConfig } from "./training-config";

/** The words of a model description, so that the UI can say them in its language. */
export interface ModelWords {
  naive: string;
  seasonalNaive: string;
  linear: string;
  normalize: string;
  dense: string;
  epochs: (count: number) => string;
}

export const ENGLISH_MODEL_WORDS: ModelWords = {
  naive: "naive",
  seasonalNaive: "seasonal naive",
  linear: "linear",
  normalize: "normalize",
  dense: "dense",
  epochs: (count) => `${count} ${count === 1 ? "epoch" : "epochs"}`,
};

/** A model's kind with the settings that tell it apart from others of its kind, e.g. `dense 2×16 relu, 20 epochs`. */
export function describeModel(model: ModelConfig, words: ModelWords = ENGLISH_MODEL_WORDS): string {
  switch (model.kind) {
    case "naive":
      return words.naive;
    case "seasonalNaive":
      return `${words.seasonalNaive} ${model.periodHours} h`;
    case "linear": {
      const settings = [model.normalize !== "none" ? `${words.normalize} ${model.normalize}` : null, model.alpha > 0 ? `α ${model.alpha}` : null].filter(Boolean);
      return settings.length > 0 ? `${words.linear} (${settings.join(", ")})` : words.linear;
    }
    case "svr":
      return `SVR ${model.mode} ${model.kernel}, C ${model.C}, ε ${model.epsilon}`;
    default: {
      const name = { dense: words.dense, cnn: "CNN", lstm: "LSTM", arLstm: "AR-LSTM" }[model.kind];
      return `${name} ${model.layers}×${model.units} ${model.activation}, ${words.epochs(model.epochs)}`;
    }
  }
}
