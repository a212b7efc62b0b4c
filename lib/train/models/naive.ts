import type { FeatureLayout } from "../feature-layout";
import { createMatrix, type Matrix } from "../matrix";
import type { ColumnScaler } from "../scalers";
import { ModelConfigurationError, type ModelContext, type TrainedModel } from "./model";

/** For each output column: which input columns to read and with what weights (in original units). */
export interface InputPick {
  columns: [number, number];
  weights: [number, number];
}

/** Output series matched with their input series; a missing match is a configuration error. */
export function matchedInputs(layout: FeatureLayout, modelName: string) {
  return layout.outputSeries.map((output) => {
    if (output.inputIndex === null) {
      throw new ModelConfigurationError(`${modelName} needs the output series '${output.label}' among the inputs (same source and column)`);
    }
    return { output, input: layout.inputSeries[output.inputIndex] };
  });
}

/**
 * Predicts each output column as a weighted pick of input values in original units,
 * converted between the input and output scalers.
 */
export function predictByPicks(inputs: Matrix, picks: InputPick[], inputScaler: ColumnScaler, outputScaler: ColumnScaler): Matrix {
  const out = createMatrix(inputs.rows, picks.length);
  for (let r = 0; r < inputs.rows; r++) {
    const row = r * inputs.cols;
    for (let c = 0; c < picks.length; c++) {
      const { columns, weights } = picks[c];
      let original = 0;
      for (let k = 0; k < 2; k++) {
        const column = columns[k];
        if (weights[k] !== 0) original += weights[k] * ((inputs.data[row + column] - inputScaler.shift[column]) / inputScaler.scale[column]);
      }
      out.data[r * picks.length + c] = original * outputScaler.scale[c] + outputScaler.shift[c];
    }
  }
  return out;
}

/** Every output step of a series = the last value of its input window. */
export function naivePicks(layout: FeatureLayout): InputPick[] {
  const picks: InputPick[] = new Array(layout.outputWidth);
  for (const { output, input } of matchedInputs(layout, "naive")) {
    const last = input.offset + input.steps - 1;
    for (let k = 0; k < output.steps; k++) picks[output.offset + k] = { columns: [last, last], weights: [1, 0] };
  }
  return picks;
}

export function trainNaive(context: ModelContext): TrainedModel<Record<string, never>> {
  return restoreNaive(context);
}

export function restoreNaive(context: Pick<ModelContext, "layout" | "inputScaler" | "outputScaler">): TrainedModel<Record<string, never>> {
  const picks = naivePicks(context.layout);
  return { state: {}, predict: (inputs) => predictByPicks(inputs, picks, context.inputScaler, context.outputScaler) };
}
