import { buildFeatureLayout, inputScalerGroups, outputScalerGroups, type FeatureLayout } from "./feature-layout";
import { concatColumns, type Matrix } from "./matrix";
import { buildSampleWindows, windowReach, type SeriesData } from "./sample-windows";
import { fitScaler, type ColumnScaler } from "./scalers";
import { splitSamples, type SampleSplit } from "./split-samples";
import { computeTimeFeatures } from "./time-features";
import type { TrainingConfig } from "./training-config";

/**
 * Everything before the models: sample windows, time features, the split and the scalers
 * (fitted on the training part only). Matrices here are in original units.
 */
export interface PreparedSamples {
  layout: FeatureLayout;
  referenceTime: Float64Array;
  /** Input windows followed by time features, one row per sample. */
  inputs: Matrix;
  outputs: Matrix;
  split: SampleSplit;
  candidates: number;
  skipped: number;
  skippedBySeries: { inputs: number[]; outputs: number[] };
  inputScaler: ColumnScaler;
  outputScaler: ColumnScaler;
}

/** `series`: the data of each config input and output, in config order. */
export interface TrainingSeries {
  inputs: SeriesData[];
  outputs: SeriesData[];
}

export function prepareSamples(config: TrainingConfig, series: TrainingSeries, signal?: AbortSignal): PreparedSamples {
  const layout = buildFeatureLayout(config);
  const windows = buildSampleWindows(
    config.inputs.map((window, i) => ({ series: series.inputs[i], window })),
    config.outputs.map((window, i) => ({ series: series.outputs[i], window })),
    config.steps,
    signal,
  );
  const inputs = concatColumns(windows.inputs, computeTimeFeatures(windows.referenceTime, config.timeFeatures, layout.inputSeries[0].offsetsMs));
  const reaches = config.outputs.map((window) => windowReach(window, config.steps.outputSteps));
  const outputReach = { from: Math.min(...reaches.map((r) => r.from)), to: Math.max(...reaches.map((r) => r.to)) };
  const split = splitSamples(windows.referenceTime, config.split, outputReach);
  return {
    layout,
    referenceTime: windows.referenceTime,
    inputs,
    outputs: windows.outputs,
    split,
    candidates: windows.candidates,
    skipped: windows.skipped,
    skippedBySeries: windows.skippedBySeries,
    inputScaler: fitScaler(inputs, split.train, inputScalerGroups(layout), config.scaling),
    outputScaler: fitScaler(windows.outputs, split.train, outputScalerGroups(layout), config.scaling),
  };
}
