import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  coefficientOfDetermination,
  evaluatePolynomial,
  fitPolynomial,
  formatEquation,
  insidePointsFrame,
  matchOnTime,
  regressionBand,
} from "@/lib/analysis/regression-band";

const start = Date.UTC(2024, 0, 1);
const hourly = (n: number) => Float64Array.from({ length: n }, (_, i) => start + i * 3_600_000);

/** Closed-form simple linear regression. */
function closedFormLinear(x: number[], y: number[]): [number, number] {
  const n = x.length;
  const sx = x.reduce((a, b) => a + b, 0);
  const sy = y.reduce((a, b) => a + b, 0);
  const sxy = x.reduce((a, xi, i) => a + xi * y[i], 0);
  const sxx = x.reduce((a, xi) => a + xi * xi, 0);
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return [(sy - slope * sx) / n, slope];
}

/** Quadratic least squares by Cramer's rule on the 3×3 normal equations. */
function closedFormQuadratic(x: number[], y: number[]): [number, number, number] {
  const s = (k: number) => x.reduce((a, xi) => a + xi ** k, 0);
  const t = (k: number) => x.reduce((a, xi, i) => a + xi ** k * y[i], 0);
  const m = [
    [s(0), s(1), s(2)],
    [s(1), s(2), s(3)],
    [s(2), s(3), s(4)],
  ];
  const r = [t(0), t(1), t(2)];
  const det = (a: number[][]) =>
    a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  const d = det(m);
  const replaced = (col: number) => m.map((row, i) => row.map((v, j) => (j === col ? r[i] : v)));
  return [det(replaced(0)) / d, det(replaced(1)) / d, det(replaced(2)) / d];
}

describe("fitPolynomial", () => {
  const x = [-3, -1, 0, 2, 4, 5, 7.5];
  const noise = [0.3, -0.2, 0.1, -0.4, 0.25, -0.1, 0.05];

  it("recovers exact lines and parabolas", () => {
    const line = fitPolynomial(Float64Array.from(x), Float64Array.from(x, (v) => 2 * v + 1), 1);
    expect(line[0]).toBeCloseTo(1, 12);
    expect(line[1]).toBeCloseTo(2, 12);
    const parabola = fitPolynomial(Float64Array.from(x), Float64Array.from(x, (v) => 0.5 * v * v - 3 * v + 2), 2);
    expect(parabola.map((c) => Number(c.toFixed(10)))).toEqual([2, -3, 0.5]);
  });

  it("agrees with the closed-form least squares on noisy data", () => {
    const y = x.map((v, i) => 4 - 0.7 * v + noise[i]);
    const [b, a] = closedFormLinear(x, y);
    const fitted = fitPolynomial(Float64Array.from(x), Float64Array.from(y), 1);
    expect(fitted[0]).toBeCloseTo(b, 10);
    expect(fitted[1]).toBeCloseTo(a, 10);
    const yq = x.map((v, i) => 0.2 * v * v + v - 1 + noise[i]);
    const expected = closedFormQuadratic(x, yq);
    fitPolynomial(Float64Array.from(x), Float64Array.from(yq), 2).forEach((c, k) => expect(c).toBeCloseTo(expected[k], 9));
  });

  it("stays accurate for x far from 0 (temperatures in kelvin, timestamps)", () => {
    const xs = Float64Array.from([1e6, 1e6 + 1, 1e6 + 2, 1e6 + 3]);
    const fitted = fitPolynomial(xs, Float64Array.from(xs, (v) => (v - 1e6) ** 2), 2);
    expect(evaluatePolynomial(fitted, 1e6 + 1.5)).toBeCloseTo(2.25, 4);
  });

  it("agrees with the closed form on random data", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -1000, max: 1000 })), { minLength: 3, maxLength: 40 }), (pairs) => {
        const x = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        if (new Set(x).size < 2) return true;
        const [b, a] = closedFormLinear(x, y);
        const fitted = fitPolynomial(Float64Array.from(x), Float64Array.from(y), 1);
        return Math.abs(fitted[0] - b) <= 1e-7 * Math.max(1, Math.abs(b)) && Math.abs(fitted[1] - a) <= 1e-7 * Math.max(1, Math.abs(a));
      }),
    );
  });

  it("refuses too few distinct x values", () => {
    expect(() => fitPolynomial(Float64Array.from([1, 1, 1]), Float64Array.from([1, 2, 3]), 1)).toThrow(/at least 2 points with different x/);
    expect(() => fitPolynomial(Float64Array.from([1, 2, 1, 2]), Float64Array.from([1, 2, 3, 4]), 2)).toThrow(/at least 3 points/);
  });
});

describe("coefficientOfDetermination and formatEquation", () => {
  it("computes R² by its definition", () => {
    expect(coefficientOfDetermination(Float64Array.from([1, 2, 3]), Float64Array.from([1, 2, 3]))).toBe(1);
    expect(coefficientOfDetermination(Float64Array.from([1, 2, 3]), Float64Array.from([2, 2, 2]))).toBe(0);
    expect(coefficientOfDetermination(Float64Array.from([1, 2, 3, 4]), Float64Array.from([1, 2, 3, 5]))).toBeCloseTo(1 - 1 / 5, 12);
    expect(coefficientOfDetermination(Float64Array.from([5, 5]), Float64Array.from([5, 5]))).toBe(1);
  });

  it("writes the equation from the highest power", () => {
    expect(formatEquation([1, 2])).toBe("y = 2·x + 1");
    expect(formatEquation([2, -3, 0.5])).toBe("y = 0.5·x² - 3·x + 2");
    expect(formatEquation([-1.234567891, -0.1])).toBe("y = -0.1·x - 1.23457");
  });
});

describe("matchOnTime", () => {
  it("pairs equal timestamps, skipping missing values and unmatched rows", () => {
    const matched = matchOnTime(Float64Array.from([1, 2, 3, 5]), Float64Array.from([10, 20, NaN, 50]), Float64Array.from([2, 3, 4, 5]), Float64Array.from([200, 300, 400, 500]));
    expect(Array.from(matched.time)).toEqual([2, 5]);
    expect(Array.from(matched.x)).toEqual([20, 50]);
    expect(Array.from(matched.y)).toEqual([200, 500]);
  });
});

describe("regressionBand", () => {
  const time = hourly(6);
  const temperature = { time, columns: [{ name: "T", values: Float64Array.from([0, 1, 2, 3, 4, 5]) }] };
  const load = { time, columns: [{ name: "P", values: Float64Array.from([10, 12, 14, 30, 18, 20]) }] };

  it("fits, reports R², and classifies points with the default constant tolerance (10 % of the y range)", () => {
    const band = regressionBand(temperature, load, { kind: "linear", tolerance: "constant" });
    const [b, a] = closedFormLinear([0, 1, 2, 3, 4, 5], [10, 12, 14, 30, 18, 20]);
    expect(band.coefficients[0]).toBeCloseTo(b, 10);
    expect(band.coefficients[1]).toBeCloseTo(a, 10);
    expect(band.tolCnt).toBeCloseTo(2, 12);
    expect(band.tolDep).toBeNull();
    expect(band.points.inside[3]).toBe(0);
    expect(band.insideCount + band.outsideCount).toBe(6);
    const residual = [10, 12, 14, 30, 18, 20].map((y, i) => Math.abs(y - (a * i + b)));
    expect(band.insideCount).toBe(residual.filter((r) => r <= 2).length);
    expect(band.r2).toBeCloseTo(coefficientOfDetermination(band.points.y, band.points.predicted), 12);
    expect(band.equation).toMatch(/^y = [\d.]+·x \+ [\d.]+$/);
  });

  it("uses a small tolerance as set (the original silently raised it)", () => {
    const band = regressionBand(temperature, load, { kind: "linear", tolerance: "constant", tolCnt: 0.001 });
    expect(band.tolCnt).toBe(0.001);
    expect(band.insideCount).toBe(0);
  });

  it("widens the dependent band by tolDep·|p|", () => {
    const band = regressionBand(temperature, load, { kind: "linear", tolerance: "dependent", tolCnt: 0, tolDep: 0.5 });
    expect(band.tolDep).toBe(0.5);
    for (let i = 0; i < 6; i++) {
      expect(band.points.upper[i] - band.points.predicted[i]).toBeCloseTo(0.5 * Math.abs(band.points.predicted[i]), 12);
    }
    const expectedInside = band.points.y.filter((y, i) => Math.abs(y - band.points.predicted[i]) <= 0.5 * Math.abs(band.points.predicted[i])).length;
    expect(band.insideCount).toBe(expectedInside);
    expect(band.insideCount).toBeGreaterThan(regressionBand(temperature, load, { kind: "linear", tolerance: "constant", tolCnt: 0 }).insideCount);
    expect(regressionBand(temperature, load, { kind: "linear", tolerance: "dependent" }).tolDep).toBe(0.1);
  });

  it("matches x and y on equal timestamps, whatever the row order", () => {
    const shifted = { time: Float64Array.from([...time].reverse()), columns: [{ name: "P", values: Float64Array.from([20, 18, 30, 14, 12, 10]) }] };
    const band = regressionBand(temperature, shifted, { kind: "quadratic", tolerance: "constant", tolCnt: 5 });
    expect(Array.from(band.points.y)).toEqual([10, 12, 14, 30, 18, 20]);
    expect(band.coefficients).toHaveLength(3);
  });

  it("takes y from the second column when x and y are the same frame", () => {
    const both = { time, columns: [temperature.columns[0], load.columns[0]] };
    const band = regressionBand(both, both, { kind: "linear", tolerance: "constant" });
    expect([band.xColumn, band.yColumn]).toEqual(["T", "P"]);
  });

  it("names a missing column and refuses series without common timestamps", () => {
    expect(() => regressionBand(temperature, load, { kind: "linear", tolerance: "constant", xColumn: "X" })).toThrow("xColumn: no column 'X' (columns: T)");
    const later = { time: hourly(6).map((v) => v + 1), columns: load.columns };
    expect(() => regressionBand(temperature, later, { kind: "linear", tolerance: "constant" })).toThrow(/no timestamp has a value in both/);
  });

  it("exports the inside points as a frame", () => {
    const band = regressionBand(temperature, load, { kind: "linear", tolerance: "constant" });
    const inside = insidePointsFrame(band);
    expect(inside.columns.map((c) => c.name)).toEqual(["T", "P"]);
    expect(inside.time).toHaveLength(band.insideCount);
    expect(Array.from(inside.columns[1].values)).not.toContain(30);
  });

  it("keeps the columns' units in the exported frame", () => {
    const withUnits = (frame: typeof temperature, unit: string) => ({ ...frame, columns: frame.columns.map((column) => ({ ...column, unit })) });
    const band = regressionBand(withUnits(temperature, "°C"), withUnits(load, "kW"), { kind: "linear", tolerance: "constant" });
    expect([band.xUnit, band.yUnit]).toEqual(["°C", "kW"]);
    expect(insidePointsFrame(band).columns.map((c) => [c.name, c.unit])).toEqual([
      ["T", "°C"],
      ["P", "kW"],
    ]);
    expect(insidePointsFrame(regressionBand(temperature, load, { kind: "linear", tolerance: "constant" })).columns.every((c) => !("unit" in c))).toBe(true);
  });
});
