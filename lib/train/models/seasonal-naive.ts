import type { FeatureLayout } from "../feature-layout";
import type { TrainedModel, ModelContext } from "./model";
import { ModelConfigurationError } from "./model";
import { matchedInputs, predictByPicks, type InputPick } from "./naive";

const HOUR_MS = 3_600_000;

/**
 * Each output step = the value one or more whole periods earlier: the latest time
 * `t_out − m·period` not after the end of the input window, read from the input window
 * (linear interpolation between its steps when it falls between them).
 */
export function seasonalPicks(layout: FeatureLayout, periodHours: number): InputPick[] {
  const period = periodHours * HOUR_MS;
  const picks: InputPick[] = new Array(layout.outputWidth);
  for (const { output, input } of matchedInputs(layout, "seasonalNaive")) {
    const times = input.offsetsMs;
    const first = times[0];
    const last = times[times.length - 1];
    for (let k = 0; k < output.steps; k++) {
      const target = output.offsetsMs[k];
      const periods = Math.max(1, Math.ceil((target - last) / period - 1e-9));
      const source = target - periods * period;
      if (source < first - 1e-6) {
        throw new ModelConfigurationError(
          `seasonalNaive: the input window of '${input.label}' must reach back ${periodHours} h before its end to forecast step ${k + 1}`,
        );
      }
      let j = 0;
      while (j < times.length - 1 && times[j + 1] <= source) j++;
      if (j === times.length - 1 || Math.abs(times[j] - source) < 1e-6) {
        picks[output.offset + k] = { columns: [input.offset + j, input.offset + j], weights: [1, 0] };
      } else {
        const w = (source - times[j]) / (times[j + 1] - times[j]);
        picks[output.offset + k] = { columns: [input.offset + j, input.offset + j + 1], weights: [1 - w, w] };
      }
    }
  }
  return picks;
}

export interface SeasonalNaiveState {
  periodHours: number;
}

export function trainSeasonalNaive(context: ModelContext, periodHours: number): TrainedModel<SeasonalNaiveState> {
  return restoreSeasonalNaive(context, { periodHours });
}

export function restoreSeasonalNaive(
  context: Pick<ModelContext, "layout" | "inputScaler" | "outputScaler">,
  state: SeasonalNaiveState,
): TrainedModel<SeasonalNaiveState> {
  const picks = seasonalPicks(context.layout, state.periodHours);
  return { state, predict: (inputs) => predictByPicks(inputs, picks, context.inputScaler, context.outputScaler) };
}
