import { describe, expect, it } from "vitest";
import { fitLeastSquares, solveSymmetricPivoted } from "@/lib/train/least-squares";
import { createSeededRandom } from "@/lib/train/seeded-random";

/** y_j = b_j + Σ_i w_ij x_i exactly, with random x. */
function exactProblem(rows: number, p: number, q: number, seed = 1) {
  const random = createSeededRandom(seed);
  const w = Float64Array.from({ length: p * q }, () => random() * 4 - 2);
  const b = Float64Array.from({ length: q }, () => random() * 10);
  const x = Float64Array.from({ length: rows * p }, () => random() * 100 - 50);
  const y = new Float64Array(rows * q);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < q; j++) {
      let s = b[j];
      for (let i = 0; i < p; i++) s += x[r * p + i] * w[i * q + j];
      y[r * q + j] = s;
    }
  }
  return { w, b, x, y };
}

describe("fitLeastSquares", () => {
  it("recovers the coefficients and intercepts of an exact linear relation", () => {
    const { w, b, x, y } = exactProblem(200, 12, 3);
    const fit = fitLeastSquares(x, y, 200, 12, 3);
    expect(fit.rank).toBe(12);
    fit.coefficients.forEach((v, i) => expect(v).toBeCloseTo(w[i], 9));
    fit.intercept.forEach((v, j) => expect(v).toBeCloseTo(b[j], 7));
  });

  it("agrees with the plain normal equations solved by hand on a tiny problem", () => {
    // y = 1 + 2·x on x = 0, 1, 2, 3 with noise: OLS slope = cov(x, y) / var(x).
    const x = Float64Array.from([0, 1, 2, 3]);
    const y = Float64Array.from([1.1, 2.9, 5.2, 6.8]);
    const fit = fitLeastSquares(x, y, 4, 1, 1);
    const slope = ((0 - 1.5) * (1.1 - 4) + (1 - 1.5) * (2.9 - 4) + (2 - 1.5) * (5.2 - 4) + (3 - 1.5) * (6.8 - 4)) / 5;
    expect(fit.coefficients[0]).toBeCloseTo(slope, 12);
    expect(fit.intercept[0]).toBeCloseTo(4 - slope * 1.5, 12);
  });

  it("gives duplicated and constant columns no weight instead of failing", () => {
    const { x, y } = exactProblem(100, 3, 1, 5);
    const wide = new Float64Array(100 * 5);
    for (let r = 0; r < 100; r++) {
      wide.set(x.subarray(r * 3, r * 3 + 3), r * 5);
      wide[r * 5 + 3] = x[r * 3]; // duplicate of column 0
      wide[r * 5 + 4] = 7; // constant
    }
    const fit = fitLeastSquares(wide, y, 100, 5, 1);
    expect(fit.rank).toBe(3);
    const reference = fitLeastSquares(x, y, 100, 3, 1);
    expect(fit.coefficients[0] + fit.coefficients[3]).toBeCloseTo(reference.coefficients[0], 9);
    expect(fit.coefficients[4]).toBe(0);
  });

  it("ridge shrinks toward zero as alpha grows, matching the closed form in one dimension", () => {
    const x = Float64Array.from([-1, 0, 1]);
    const y = Float64Array.from([-2, 0, 2]);
    // centred: Σx² = 2, Σxy = 4 → w = 4 / (2 + α).
    expect(fitLeastSquares(x, y, 3, 1, 1, 2).coefficients[0]).toBeCloseTo(1, 12);
    expect(fitLeastSquares(x, y, 3, 1, 1, 0).coefficients[0]).toBeCloseTo(2, 12);
  });

  it("solves a symmetric system that needs pivoting", () => {
    const a = Float64Array.from([1, 2, 2, 8]);
    const b = Float64Array.from([5, 18]);
    const { solution } = solveSymmetricPivoted(a, b, 2, 1);
    expect(solution[0]).toBeCloseTo(1, 12);
    expect(solution[1]).toBeCloseTo(2, 12);
  });
});
