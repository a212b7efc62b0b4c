import { createMatrix, type Matrix } from "./matrix";
import type { Scaling } from "./training-config";

/**
 * Per-column affine scaling `scaled = value · scale + shift`. A group of columns (the steps
 * of one series' window) shares one fit, as in the original where a series is one feature;
 * each time-feature column is its own group. Fitted on the training rows only.
 */
export interface ColumnScaler {
  scale: Float64Array;
  shift: Float64Array;
}

export interface ScalerGroup {
  from: number;
  count: number;
  /** Target range of min-max scaling (default [0, 1]). */
  rangeMin?: number;
  rangeMax?: number;
}

export function identityScaler(cols: number): ColumnScaler {
  return { scale: new Float64Array(cols).fill(1), shift: new Float64Array(cols) };
}

/** Fits on `trainingRows` of `matrix` only, so nothing of validation or test leaks into the scaling. */
export function fitScaler(matrix: Matrix, trainingRows: ArrayLike<number>, groups: ScalerGroup[], scaling: Scaling): ColumnScaler {
  const scaler = identityScaler(matrix.cols);
  if (scaling === "none") return scaler;
  const { cols, data } = matrix;
  for (const group of groups) {
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    let count = 0;
    for (let r = 0; r < trainingRows.length; r++) {
      const base = trainingRows[r] * cols + group.from;
      for (let c = 0; c < group.count; c++) {
        const v = data[base + c];
        if (v < min) min = v;
        if (v > max) max = v;
        sum += v;
        count++;
      }
    }
    let scale = 1;
    let shift = 0;
    if (count > 0 && scaling === "standard") {
      const mean = sum / count;
      let squares = 0;
      for (let r = 0; r < trainingRows.length; r++) {
        const base = trainingRows[r] * cols + group.from;
        for (let c = 0; c < group.count; c++) squares += (data[base + c] - mean) ** 2;
      }
      // Population standard deviation, as scikit-learn's StandardScaler; a constant column is only centred.
      const std = Math.sqrt(squares / count);
      scale = std > 0 ? 1 / std : 1;
      shift = -mean * scale;
    } else if (count > 0) {
      const low = group.rangeMin ?? 0;
      const high = group.rangeMax ?? 1;
      scale = max > min ? (high - low) / (max - min) : 1;
      shift = low - min * scale;
    }
    scaler.scale.fill(scale, group.from, group.from + group.count);
    scaler.shift.fill(shift, group.from, group.from + group.count);
  }
  return scaler;
}

export function applyScaler(matrix: Matrix, scaler: ColumnScaler): Matrix {
  const out = createMatrix(matrix.rows, matrix.cols);
  const { cols } = matrix;
  for (let i = 0; i < matrix.data.length; i++) {
    const c = i % cols;
    out.data[i] = matrix.data[i] * scaler.scale[c] + scaler.shift[c];
  }
  return out;
}

export function invertScaler(matrix: Matrix, scaler: ColumnScaler): Matrix {
  const out = createMatrix(matrix.rows, matrix.cols);
  const { cols } = matrix;
  for (let i = 0; i < matrix.data.length; i++) {
    const c = i % cols;
    out.data[i] = (matrix.data[i] - scaler.shift[c]) / scaler.scale[c];
  }
  return out;
}
