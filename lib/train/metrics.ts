import { createMatrix, type Matrix } from "./matrix";
import type { Metrics } from "./training-config";

/**
 * The metrics of the contract, pooled over the selected columns of all rows (rows are
 * samples in time order, columns output values). Undefined values are null, never NaN:
 * MAPE when every y is 0, NRMSE when mean(y) is 0, WAPE when Σ|y| is 0, MASE when the
 * lag-1 naive forecast has no error or fewer than two rows exist.
 */

const nullMetrics: Metrics = { MAE: null, MSE: null, RMSE: null, MAPE: null, NRMSE: null, WAPE: null, sMAPE: null, MASE: null };

function allColumns(cols: number): number[] {
  return Array.from({ length: cols }, (_, c) => c);
}

export function computeMetrics(actual: Matrix, predicted: Matrix, columns: ArrayLike<number> = allColumns(actual.cols)): Metrics {
  const { rows, cols } = actual;
  if (rows === 0 || columns.length === 0) return { ...nullMetrics };
  let absError = 0;
  let squaredError = 0;
  let sumActual = 0;
  let sumAbsActual = 0;
  let percentSum = 0;
  let percentCount = 0;
  let symmetricSum = 0;
  let naiveAbsError = 0;
  let naiveCount = 0;
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j];
    for (let r = 0; r < rows; r++) {
      const y = actual.data[r * cols + c];
      const yHat = predicted.data[r * cols + c];
      const error = Math.abs(y - yHat);
      absError += error;
      squaredError += error * error;
      sumActual += y;
      sumAbsActual += Math.abs(y);
      if (y !== 0) {
        percentSum += error / Math.abs(y);
        percentCount++;
      }
      const denominator = (Math.abs(y) + Math.abs(yHat)) / 2;
      if (denominator !== 0) symmetricSum += error / denominator;
      if (r > 0) {
        naiveAbsError += Math.abs(y - actual.data[(r - 1) * cols + c]);
        naiveCount++;
      }
    }
  }
  const count = rows * columns.length;
  const mae = absError / count;
  const mse = squaredError / count;
  const rmse = Math.sqrt(mse);
  const meanActual = sumActual / count;
  const naiveMae = naiveCount > 0 ? naiveAbsError / naiveCount : 0;
  return {
    MAE: mae,
    MSE: mse,
    RMSE: rmse,
    MAPE: percentCount > 0 ? (percentSum / percentCount) * 100 : null,
    NRMSE: meanActual !== 0 ? rmse / meanActual : null,
    WAPE: sumAbsActual !== 0 ? (absError / sumAbsActual) * 100 : null,
    sMAPE: (symmetricSum / count) * 100,
    MASE: naiveMae > 0 ? mae / naiveMae : null,
  };
}

/** Where each output series' steps sit in a row. */
export interface OutputBlock {
  offset: number;
  steps: number;
}

/** Metrics of output step k (1-based) pooled over the output series. */
export function metricsByStep(actual: Matrix, predicted: Matrix, blocks: OutputBlock[]): (Metrics & { step: number })[] {
  const steps = Math.max(0, ...blocks.map((block) => block.steps));
  return Array.from({ length: steps }, (_, k) => ({
    step: k + 1,
    ...computeMetrics(
      actual,
      predicted,
      blocks.filter((block) => k < block.steps).map((block) => block.offset + k),
    ),
  }));
}

/** Each block's steps averaged in consecutive groups of `n` (a trailing partial group is left out). */
export function averageSteps(matrix: Matrix, blocks: OutputBlock[], n: number): Matrix {
  const groups = blocks.map((block) => Math.floor(block.steps / n));
  const out = createMatrix(matrix.rows, groups.reduce((a, b) => a + b, 0));
  for (let r = 0; r < matrix.rows; r++) {
    let at = r * out.cols;
    blocks.forEach((block, b) => {
      for (let g = 0; g < groups[b]; g++) {
        let sum = 0;
        const from = r * matrix.cols + block.offset + g * n;
        for (let k = 0; k < n; k++) sum += matrix.data[from + k];
        out.data[at++] = sum / n;
      }
    });
  }
  return out;
}

/** The metrics after averaging the output steps in blocks of n = 1…12 (as the original did). */
export function metricsByAveraging(actual: Matrix, predicted: Matrix, blocks: OutputBlock[]): (Metrics & { n: number })[] {
  const longest = Math.max(0, ...blocks.map((block) => block.steps));
  return Array.from({ length: Math.min(12, longest) }, (_, i) => {
    const n = i + 1;
    return { n, ...computeMetrics(averageSteps(actual, blocks, n), averageSteps(predicted, blocks, n)) };
  });
}
