"use client";

import type { TrainedModelView } from "@/lib/contracts/training-run";
import { describeModel } from "@/lib/train/describe-model";
import { rankModels } from "@/lib/train/leaderboard";
import { useModelWords } from "./hooks/use-model-words";

/** The model a choice starts on: the best by test error, the one a user most likely wants. */
export const bestModelId = (models: TrainedModelView[]) => rankModels(models.map((model) => ({ ...model.result, id: model.id })))[0]?.model.id ?? "";

/** The options of a select of a run's models: position and description, in the run's order. */
export function TrainedModelOptions({ models }: { models: TrainedModelView[] }) {
  const words = useModelWords();
  return models.map((model) => (
    <option key={model.id} value={model.id}>
      {model.position}. {describeModel(model.result, words)}
    </option>
  ));
}
