import type { Frame } from "@/lib/series/frame";
import { sortedInput } from "@/lib/process/frame-input";
import { SpecError } from "@/lib/process/spec-errors";
import { DEFAULT_TOL_CNT_SHARE_OF_RANGE, DEFAULT_TOL_DEP, type RegressionSpec } from "./regression-spec";

/** x and y values at the timestamps both series have, both present. */
export interface MatchedPoints {
  time: Float64Array;
  x: Float64Array;
  y: Float64Array;
}

/**
 * Pairs the two columns on equal timestamps (both frames ascending). Repeated timestamps
 * pair up in order; a pair with a missing value is left out.
 */
export function matchOnTime(xTime: Float64Array, xValues: Float64Array, yTime: Float64Array, yValues: Float64Array): MatchedPoints {
  const capacity = Math.min(xTime.length, yTime.length);
  const time = new Float64Array(capacity);
  const x = new Float64Array(capacity);
  const y = new Float64Array(capacity);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < xTime.length && j < yTime.length) {
    if (xTime[i] < yTime[j]) i++;
    else if (xTime[i] > yTime[j]) j++;
    else {
      if (xValues[i] === xValues[i] && yValues[j] === yValues[j]) {
        time[n] = xTime[i];
        x[n] = xValues[i];
        y[n] = yValues[j];
        n++;
      }
      i++;
      j++;
    }
  }
  return { time: time.slice(0, n), x: x.slice(0, n), y: y.slice(0, n) };
}

/** Polynomial coefficients, lowest power first: [b, a] or [b, c1, c2]. */
export type Polynomial = number[];

export function evaluatePolynomial(coefficients: Polynomial, x: number): number {
  let value = 0;
  for (let k = coefficients.length - 1; k >= 0; k--) value = value * x + coefficients[k];
  return value;
}

/** Solves the square system A·s = r by Gaussian elimination with partial pivoting; null when singular. */
function solve(matrix: number[][], rhs: number[]): number[] | null {
  const size = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]]);
  const scale = Math.max(...a.flat().map(Math.abs), 1e-300);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++) if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) pivot = row;
    if (Math.abs(a[pivot][col]) <= scale * 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let row = col + 1; row < size; row++) {
      const factor = a[row][col] / a[col][col];
      for (let k = col; k <= size; k++) a[row][k] -= factor * a[col][k];
    }
  }
  const solution = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    let sum = a[row][size];
    for (let k = row + 1; k < size; k++) sum -= a[row][k] * solution[k];
    solution[row] = sum / a[row][row];
  }
  return solution;
}

/**
 * Least squares polynomial of degree 1 or 2. x is centred and scaled before forming the
 * normal equations (which keeps them well conditioned) and the result is expanded back.
 */
export function fitPolynomial(x: Float64Array, y: Float64Array, degree: 1 | 2): Polynomial {
  const n = x.length;
  let meanX = 0;
  for (let i = 0; i < n; i++) meanX += x[i];
  meanX /= n;
  let spread = 0;
  for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(x[i] - meanX));
  const distinctNeeded = degree + 1;
  if (n < distinctNeeded || spread === 0) {
    throw new SpecError("", `a ${degree === 1 ? "linear" : "quadratic"} fit needs at least ${distinctNeeded} points with different x values`);
  }
  // Sums of u^k (k = 0…2·degree) and of u^k·y (k = 0…degree) with u = (x - meanX) / spread.
  const powerSums = new Array<number>(2 * degree + 1).fill(0);
  const momentSums = new Array<number>(degree + 1).fill(0);
  for (let i = 0; i < n; i++) {
    const u = (x[i] - meanX) / spread;
    let power = 1;
    for (let k = 0; k <= 2 * degree; k++) {
      powerSums[k] += power;
      if (k <= degree) momentSums[k] += power * y[i];
      power *= u;
    }
  }
  const normal = Array.from({ length: degree + 1 }, (_, row) => Array.from({ length: degree + 1 }, (_, col) => powerSums[row + col]));
  const inScaled = solve(normal, momentSums);
  if (!inScaled) {
    throw new SpecError("", `a ${degree === 1 ? "linear" : "quadratic"} fit needs at least ${distinctNeeded} points with different x values`);
  }
  // Expand d0 + d1·u + d2·u² with u = (x - m)/s into powers of x.
  const m = meanX;
  const s = spread;
  if (degree === 1) return [inScaled[0] - (inScaled[1] * m) / s, inScaled[1] / s];
  const [d0, d1, d2] = inScaled;
  return [d0 - (d1 * m) / s + (d2 * m * m) / (s * s), d1 / s - (2 * d2 * m) / (s * s), d2 / (s * s)];
}

/** 1 - SSres/SStot; for constant y 1 when the fit is exact, else 0 (as scikit-learn). */
export function coefficientOfDetermination(y: Float64Array, predicted: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i];
  mean /= y.length;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    residual += (y[i] - predicted[i]) ** 2;
    total += (y[i] - mean) ** 2;
  }
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
}

function formatCoefficient(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** "y = 1.5·x + 2" style text, six significant digits, powers of x from the highest. */
export function formatEquation(coefficients: Polynomial): string {
  const terms = coefficients
    .map((c, power) => ({ c, power }))
    .reverse()
    .map(({ c, power }, k) => {
      const magnitude = formatCoefficient(k === 0 ? c : Math.abs(c));
      const variable = power === 0 ? "" : power === 1 ? "·x" : "·x²";
      const sign = k === 0 ? "" : c < 0 ? " - " : " + ";
      return `${sign}${magnitude}${variable}`;
    });
  return `y = ${terms.join("")}`;
}

export interface RegressionBand {
  kind: RegressionSpec["kind"];
  tolerance: RegressionSpec["tolerance"];
  xColumn: string;
  yColumn: string;
  /** The columns' units, when the series have them. */
  xUnit?: string;
  yUnit?: string;
  /** Lowest power first: linear [b, a], quadratic [b, c1, c2]. */
  coefficients: Polynomial;
  equation: string;
  r2: number;
  /** The tolerances used: as set, or the defaults of docs/cli.md#regress. tolDep is null for a constant band. */
  tolCnt: number;
  tolDep: number | null;
  points: MatchedPoints & {
    predicted: Float64Array;
    lower: Float64Array;
    upper: Float64Array;
    /** 1 inside the band (|y - p| within the tolerance), 0 outside. */
    inside: Uint8Array;
  };
  insideCount: number;
  outsideCount: number;
}

/** How far y may lie from the prediction p: tolCnt (constant band), tolDep·|p| + tolCnt (dependent band). */
export function bandHalfWidth(p: number, tolCnt: number, tolDep: number | null): number {
  return tolDep === null ? tolCnt : tolDep * Math.abs(p) + tolCnt;
}

function pickColumn(frame: Frame, name: string | undefined, field: string, skip?: string) {
  if (name !== undefined) {
    const column = frame.columns.find((candidate) => candidate.name === name);
    if (!column) {
      throw new SpecError(field, `no column '${name}' (columns: ${frame.columns.map((c) => c.name).join(", ") || "none"})`);
    }
    return column;
  }
  const column = frame.columns.find((candidate) => candidate.name !== skip);
  if (!column) throw new SpecError(field, "the series has no value column to use");
  return column;
}

/**
 * Fits y against x (matched on equal timestamps) and classifies every point against the
 * band. When x and y are the same frame and no yColumn is given, y is its first column
 * other than x. Rows in any order are sorted by time first.
 */
export function regressionBand(xInput: Frame, yInput: Frame, spec: RegressionSpec): RegressionBand {
  const xFrame = sortedInput(xInput);
  const yFrame = yInput === xInput ? xFrame : sortedInput(yInput);
  const xColumn = pickColumn(xFrame, spec.xColumn, "xColumn");
  const yColumn = pickColumn(yFrame, spec.yColumn, "yColumn", xFrame === yFrame ? xColumn.name : undefined);
  const matched = matchOnTime(xFrame.time, xColumn.values, yFrame.time, yColumn.values);
  const n = matched.time.length;
  if (n === 0) throw new SpecError("", `no timestamp has a value in both '${xColumn.name}' and '${yColumn.name}'`);
  const coefficients = fitPolynomial(matched.x, matched.y, spec.kind === "linear" ? 1 : 2);
  const predicted = new Float64Array(n);
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    predicted[i] = evaluatePolynomial(coefficients, matched.x[i]);
    minY = Math.min(minY, matched.y[i]);
    maxY = Math.max(maxY, matched.y[i]);
  }
  const tolCnt = spec.tolCnt ?? DEFAULT_TOL_CNT_SHARE_OF_RANGE * (maxY - minY);
  const tolDep = spec.tolerance === "dependent" ? (spec.tolDep ?? DEFAULT_TOL_DEP) : null;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const inside = new Uint8Array(n);
  let insideCount = 0;
  for (let i = 0; i < n; i++) {
    const p = predicted[i];
    const halfWidth = bandHalfWidth(p, tolCnt, tolDep);
    lower[i] = p - halfWidth;
    upper[i] = p + halfWidth;
    if (Math.abs(matched.y[i] - p) <= halfWidth) {
      inside[i] = 1;
      insideCount++;
    }
  }
  return {
    kind: spec.kind,
    tolerance: spec.tolerance,
    xColumn: xColumn.name,
    yColumn: yColumn.name,
    ...(xColumn.unit ? { xUnit: xColumn.unit } : {}),
    ...(yColumn.unit ? { yUnit: yColumn.unit } : {}),
    coefficients,
    equation: formatEquation(coefficients),
    r2: coefficientOfDetermination(matched.y, predicted),
    tolCnt,
    tolDep,
    points: { ...matched, predicted, lower, upper, inside },
    insideCount,
    outsideCount: n - insideCount,
  };
}

/** The points inside the band as a frame (x and y columns, with their units), for export as a new dataset. */
export function insidePointsFrame(band: RegressionBand): Frame {
  const { points } = band;
  const keep: number[] = [];
  for (let i = 0; i < points.inside.length; i++) if (points.inside[i]) keep.push(i);
  const pick = (source: Float64Array) => Float64Array.from(keep, (i) => source[i]);
  const yName = band.yColumn === band.xColumn ? `${band.yColumn} (y)` : band.yColumn;
  return {
    time: pick(points.time),
    columns: [
      { name: band.xColumn, ...(band.xUnit ? { unit: band.xUnit } : {}), values: pick(points.x) },
      { name: yName, ...(band.yUnit ? { unit: band.yUnit } : {}), values: pick(points.y) },
    ],
  };
}
