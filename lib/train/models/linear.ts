import type { FeatureLayout } from "../feature-layout";
import { fitLeastSquares } from "../least-squares";
import { createMatrix, type Matrix } from "../matrix";
import type { ColumnScaler } from "../scalers";
import type { ModelContext, TrainedModel } from "./model";

/**
 * Linear least squares from all input values and time features to all output values at
 * once (closed form, optional ridge `alpha` on the scaled inputs). `normalize` subtracts
 * each target series' window level — its last value (NLinear) or its mean — from that
 * series' inputs and from its outputs, and adds it back to the forecast; inputs that are
 * not also outputs stay as they are.
 */
export type LinearNormalize = "none" | "last" | "mean";

export interface LinearState {
  normalize: LinearNormalize;
  /** inputWidth × outputWidth, row-major. */
  coefficients: number[];
  intercept: number[];
}

interface Normalisation {
  /** Input blocks whose level is removed. */
  inputs: { offset: number; steps: number }[];
  /** Per output block: the index into `inputs` of its level, converted by the scalers. */
  outputs: { offset: number; steps: number; level: number; input: { offset: number } }[];
}

function normalisation(layout: FeatureLayout): Normalisation {
  const matched = layout.outputSeries.filter((output) => output.inputIndex !== null);
  const inputIndices = [...new Set(matched.map((output) => output.inputIndex as number))];
  return {
    inputs: inputIndices.map((index) => layout.inputSeries[index]),
    outputs: matched.map((output) => ({
      offset: output.offset,
      steps: output.steps,
      level: inputIndices.indexOf(output.inputIndex as number),
      input: layout.inputSeries[output.inputIndex as number],
    })),
  };
}

/**
 * Removes the levels in place from a copy of the inputs (and outputs, when given); returns
 * the level added back to each output column per row (scaled output units).
 */
function removeLevels(
  mode: LinearNormalize,
  norm: Normalisation,
  inputs: Matrix,
  outputs: Matrix | null,
  scalers: { input: ColumnScaler; output: ColumnScaler },
  outputWidth: number,
): { inputs: Matrix; outputs: Matrix | null; outputLevels: Float64Array | null } {
  if (mode === "none" || norm.outputs.length === 0) return { inputs, outputs, outputLevels: null };
  const x = { rows: inputs.rows, cols: inputs.cols, data: inputs.data.slice() };
  const y = outputs ? { rows: outputs.rows, cols: outputs.cols, data: outputs.data.slice() } : null;
  const outputLevels = new Float64Array(inputs.rows * outputWidth);
  const levels = new Float64Array(norm.inputs.length);
  for (let r = 0; r < x.rows; r++) {
    const row = r * x.cols;
    norm.inputs.forEach((block, b) => {
      let level = x.data[row + block.offset + block.steps - 1];
      if (mode === "mean") {
        level = 0;
        for (let k = 0; k < block.steps; k++) level += x.data[row + block.offset + k];
        level /= block.steps;
      }
      levels[b] = level;
      for (let k = 0; k < block.steps; k++) x.data[row + block.offset + k] -= level;
    });
    for (const output of norm.outputs) {
      const column = output.input.offset;
      const original = (levels[output.level] - scalers.input.shift[column]) / scalers.input.scale[column];
      for (let k = 0; k < output.steps; k++) {
        const c = output.offset + k;
        const level = original * scalers.output.scale[c] + scalers.output.shift[c];
        outputLevels[r * outputWidth + c] = level;
        if (y) y.data[r * outputWidth + c] -= level;
      }
    }
  }
  return { inputs: x, outputs: y, outputLevels };
}

export function trainLinear(context: ModelContext, training: { inputs: Matrix; outputs: Matrix }, alpha: number, normalize: LinearNormalize): TrainedModel<LinearState> {
  const norm = normalisation(context.layout);
  const scalers = { input: context.inputScaler, output: context.outputScaler };
  const prepared = removeLevels(normalize, norm, training.inputs, training.outputs, scalers, context.layout.outputWidth);
  const outputs = prepared.outputs as Matrix;
  const fit = fitLeastSquares(prepared.inputs.data, outputs.data, training.inputs.rows, training.inputs.cols, outputs.cols, alpha);
  return restoreLinear(context, { normalize, coefficients: Array.from(fit.coefficients), intercept: Array.from(fit.intercept) });
}

export function restoreLinear(context: Pick<ModelContext, "layout" | "inputScaler" | "outputScaler">, state: LinearState): TrainedModel<LinearState> {
  const norm = normalisation(context.layout);
  const scalers = { input: context.inputScaler, output: context.outputScaler };
  const coefficients = Float64Array.from(state.coefficients);
  const intercept = Float64Array.from(state.intercept);
  const q = intercept.length;
  return {
    state,
    predict(inputs) {
      const { inputs: x, outputLevels } = removeLevels(state.normalize, norm, inputs, null, scalers, q);
      const p = x.cols;
      const out = createMatrix(x.rows, q);
      for (let r = 0; r < x.rows; r++) {
        const target = out.data.subarray(r * q, (r + 1) * q);
        target.set(intercept);
        for (let i = 0; i < p; i++) {
          const xi = x.data[r * p + i];
          if (xi === 0) continue;
          for (let j = 0; j < q; j++) target[j] += xi * coefficients[i * q + j];
        }
        if (outputLevels) for (let j = 0; j < q; j++) target[j] += outputLevels[r * q + j];
      }
      return out;
    },
  };
}
