import { buildFeatureLayout } from "./feature-layout";
import { applyScaler, invertScaler } from "./scalers";
import { concatColumns, type Matrix } from "./matrix";
import { deserialiseScaler, type ModelDocument } from "./model-document";
import { restoreModel } from "./models/train-model";
import type { ModelRuntime } from "./models/model";
import { buildSampleWindows, type SeriesData } from "./sample-windows";
import { computeTimeFeatures } from "./time-features";

/**
 * Forecasts from a model document: input windows (and time features) at every reference
 * time where all input windows fit the data, no outputs needed, so the last forecasts
 * reach past the end of the data. Reference times with a missing input value are left out.
 */
export interface Forecasts {
  referenceTime: Float64Array;
  /** One row per reference time, original units, columns named by `columns`. */
  values: Matrix;
  /** `<output column>+<hours>h`: the series and the step's time relative to the reference time. */
  columns: string[];
  skipped: number;
}

export function forecastColumnNames(document: ModelDocument): string[] {
  const layout = buildFeatureLayout(document.config);
  return layout.outputSeries.flatMap((block) =>
    block.offsetsMs.map((ms) => {
      const hours = Number((ms / 3_600_000).toPrecision(12));
      return `${block.label}${hours < 0 ? "" : "+"}${hours}h`;
    }),
  );
}

/** `inputs`: the data of each input series of `document.config`, in config order. */
export async function predictFromDocument(
  document: ModelDocument,
  inputs: SeriesData[],
  options: { signal?: AbortSignal; runtime?: ModelRuntime } = {},
): Promise<Forecasts> {
  const { config } = document;
  const layout = buildFeatureLayout(config);
  const inputScaler = deserialiseScaler(document.inputScaler);
  const outputScaler = deserialiseScaler(document.outputScaler);
  const model = await restoreModel(document.model, { layout, inputScaler, outputScaler, runtime: options.runtime }, document.state);
  const windows = buildSampleWindows(
    config.inputs.map((window, i) => ({ series: inputs[i], window })),
    [],
    config.steps,
    options.signal,
  );
  const features = concatColumns(windows.inputs, computeTimeFeatures(windows.referenceTime, config.timeFeatures, layout.inputSeries[0].offsetsMs));
  const predicted = model.predict(applyScaler(features, inputScaler));
  return {
    referenceTime: windows.referenceTime,
    values: invertScaler(predicted, outputScaler),
    columns: forecastColumnNames(document),
    skipped: windows.skipped,
  };
}
