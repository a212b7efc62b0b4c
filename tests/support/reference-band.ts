/**
 * The regression band (lib/analysis/regression-band.ts) computed the plain way, as a reference for tests of the
 * app and the CLI: least squares from the normal equations on raw x (Cramer's rule), R²,
 * the default tolerance (10 % of the y range) and the points with |y - p| <= tolCnt + tolDep·|p|.
 */
export interface ReferenceBand {
  /** Lowest power first: [b, a] or [b, c1, c2]. */
  coefficients: number[];
  /** The equation as the product writes it: six significant digits, highest power first. */
  equation: string;
  r2: number;
  tolCnt: number;
  inside: number;
  outside: number;
}

const determinant3 = (m: number[][]) =>
  m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);

function leastSquares(x: number[], y: number[], degree: 1 | 2): number[] {
  const sum = (f: (i: number) => number) => x.reduce((total, _, i) => total + f(i), 0);
  if (degree === 1) {
    const n = x.length;
    const [sx, sy, sxx, sxy] = [sum((i) => x[i]), sum((i) => y[i]), sum((i) => x[i] ** 2), sum((i) => x[i] * y[i])];
    const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    return [(sy - slope * sx) / n, slope];
  }
  const s = [0, 1, 2, 3, 4].map((k) => sum((i) => x[i] ** k));
  const t = [0, 1, 2].map((k) => sum((i) => x[i] ** k * y[i]));
  const normal = [0, 1, 2].map((row) => [0, 1, 2].map((col) => s[row + col]));
  const whole = determinant3(normal);
  return [0, 1, 2].map((col) => determinant3(normal.map((row, r) => row.map((value, c) => (c === col ? t[r] : value)))) / whole);
}

function equationText(coefficients: number[]): string {
  const text = (value: number) => String(Number(value.toPrecision(6)));
  const powers = ["", "·x", "·x²"];
  return (
    "y = " +
    coefficients
      .map((c, power) => ({ c, power }))
      .reverse()
      .map(({ c, power }, k) => (k === 0 ? text(c) : `${c < 0 ? " - " : " + "}${text(Math.abs(c))}`) + powers[power])
      .join("")
  );
}

export function referenceBand(x: number[], y: number[], band: { kind: "linear" | "quadratic"; tolCnt?: number; tolDep?: number }): ReferenceBand {
  const coefficients = leastSquares(x, y, band.kind === "linear" ? 1 : 2);
  const predict = (value: number) => coefficients.reduce((total, c, power) => total + c * value ** power, 0);
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const residual = y.reduce((total, value, i) => total + (value - predict(x[i])) ** 2, 0);
  const spread = y.reduce((total, value) => total + (value - mean) ** 2, 0);
  const tolCnt = band.tolCnt ?? 0.1 * (Math.max(...y) - Math.min(...y));
  const inside = y.filter((value, i) => Math.abs(value - predict(x[i])) <= tolCnt + (band.tolDep ?? 0) * Math.abs(predict(x[i]))).length;
  return { coefficients, equation: equationText(coefficients), r2: 1 - residual / spread, tolCnt, inside, outside: y.length - inside };
}
