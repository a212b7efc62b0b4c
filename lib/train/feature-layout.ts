import { windowOffsetsMs } from "./sample-windows";
import { timeFeatureNames } from "./time-features";
import type { SeriesWindow, TrainingConfig } from "./training-config";
import type { ScalerGroup } from "./scalers";

/**
 * Where each series and time feature sits in a sample row. Inputs: the input series'
 * windows side by side in config order, then the time features; outputs: the output
 * series' windows. An output series is matched with the input series of the same source
 * and column (what naive forecasts and window normalisation need).
 */
export interface SeriesBlock {
  /** `column` of the config entry (what headers and messages show). */
  label: string;
  /** Identity of the series: its source and column. */
  key: string;
  offset: number;
  steps: number;
  /** Time of each step relative to the reference time, ms. */
  offsetsMs: number[];
  scaleMin?: number;
  scaleMax?: number;
}

export interface FeatureLayout {
  inputSeries: SeriesBlock[];
  timeFeatures: string[];
  timeFeatureOffset: number;
  /** Time features repeated per input step ("window" form): this many per step come first, step by step. */
  timeFeaturesPerStep: number;
  inputWidth: number;
  outputSeries: (SeriesBlock & { inputIndex: number | null })[];
  outputWidth: number;
}

export function seriesKey(series: SeriesWindow): string {
  return series.file !== undefined ? `file:${series.file}#${series.column}` : `dataset:${series.datasetId}#${series.column}`;
}

function blocks(series: SeriesWindow[], steps: number): SeriesBlock[] {
  return series.map((entry, index) => ({
    label: entry.column,
    key: seriesKey(entry),
    offset: index * steps,
    steps,
    offsetsMs: Array.from(windowOffsetsMs(entry, steps)),
    scaleMin: entry.scaleMin,
    scaleMax: entry.scaleMax,
  }));
}

export function buildFeatureLayout(config: Pick<TrainingConfig, "inputs" | "outputs" | "steps" | "timeFeatures">): FeatureLayout {
  const inputSeries = blocks(config.inputs, config.steps.inputSteps);
  const windowOffsetsMs = inputSeries[0]?.offsetsMs ?? [0];
  const timeFeatures = timeFeatureNames(config.timeFeatures, windowOffsetsMs);
  const timeFeatureOffset = inputSeries.length * config.steps.inputSteps;
  const timeFeaturesPerStep = config.timeFeatures.form === "window" ? timeFeatureNames({ ...config.timeFeatures, holidays: null }, [0]).length : 0;
  const outputSeries = blocks(config.outputs, config.steps.outputSteps).map((block) => {
    const inputIndex = inputSeries.findIndex((input) => input.key === block.key);
    return { ...block, inputIndex: inputIndex === -1 ? null : inputIndex };
  });
  return {
    inputSeries,
    timeFeatures,
    timeFeatureOffset,
    timeFeaturesPerStep,
    inputWidth: timeFeatureOffset + timeFeatures.length,
    outputSeries,
    outputWidth: outputSeries.length * config.steps.outputSteps,
  };
}

/** Scaler groups: one per series window, one per time-feature column. */
export function inputScalerGroups(layout: FeatureLayout): ScalerGroup[] {
  return [
    ...layout.inputSeries.map((block) => ({ from: block.offset, count: block.steps, rangeMin: block.scaleMin, rangeMax: block.scaleMax })),
    ...layout.timeFeatures.map((_, index) => ({ from: layout.timeFeatureOffset + index, count: 1 })),
  ];
}

export function outputScalerGroups(layout: FeatureLayout): ScalerGroup[] {
  return layout.outputSeries.map((block) => ({ from: block.offset, count: block.steps, rangeMin: block.scaleMin, rangeMax: block.scaleMax }));
}
