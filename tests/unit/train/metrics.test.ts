import { describe, expect, it } from "vitest";
import { averageSteps, computeMetrics, metricsByAveraging, metricsByStep } from "@/lib/train/metrics";

const col = (...values: number[]) => ({ rows: values.length, cols: 1, data: Float64Array.from(values) });

describe("computeMetrics", () => {
  it("matches hand-computed values", () => {
    // y = 2, 4, 6, 8; ŷ = 3, 4, 4, 10 → errors 1, 0, 2, 2.
    const m = computeMetrics(col(2, 4, 6, 8), col(3, 4, 4, 10));
    expect(m.MAE).toBeCloseTo(5 / 4, 12);
    expect(m.MSE).toBeCloseTo(9 / 4, 12);
    expect(m.RMSE).toBeCloseTo(1.5, 12);
    expect(m.MAPE).toBeCloseTo(((1 / 2 + 0 + 2 / 6 + 2 / 8) / 4) * 100, 10);
    expect(m.NRMSE).toBeCloseTo(1.5 / 5, 12);
    expect(m.WAPE).toBeCloseTo((5 / 20) * 100, 10);
    expect(m.sMAPE).toBeCloseTo(((1 / 2.5 + 0 + 2 / 5 + 2 / 9) / 4) * 100, 10);
    // lag-1 naive on y: |4−2|, |6−4|, |8−6| → MAE 2.
    expect(m.MASE).toBeCloseTo(5 / 4 / 2, 12);
  });

  it("MAPE skips zero actuals and is null when all are zero; WAPE and NRMSE null without a base", () => {
    const some = computeMetrics(col(0, 2), col(1, 1));
    expect(some.MAPE).toBeCloseTo(50, 12);
    const zeros = computeMetrics(col(0, 0), col(1, -1));
    expect(zeros.MAPE).toBeNull();
    expect(zeros.WAPE).toBeNull();
    expect(zeros.NRMSE).toBeNull();
    expect(zeros.MASE).toBeNull(); // the naive forecast of a constant series is perfect
    expect(zeros.MAE).toBe(1);
  });

  it("sMAPE counts a term with a zero denominator as 0", () => {
    // terms: y=0,ŷ=0 → 0; y=1,ŷ=3 → 2/2 = 1.
    expect(computeMetrics(col(0, 1), col(0, 3)).sMAPE).toBeCloseTo(50, 12);
  });

  it("is all null for no samples, and never NaN", () => {
    const empty = computeMetrics(col(), col());
    expect(Object.values(empty).every((v) => v === null)).toBe(true);
    const single = computeMetrics(col(1), col(2));
    expect(single.MASE).toBeNull();
    for (const v of Object.values(single)) expect(Number.isNaN(v)).toBe(false);
  });

  it("computes MASE per column (samples in time order), pooled", () => {
    const actual = { rows: 3, cols: 2, data: Float64Array.from([1, 10, 2, 20, 3, 30]) };
    const predicted = { rows: 3, cols: 2, data: Float64Array.from([1, 10, 2, 20, 4, 31]) };
    // naive errors: column 0: 1, 1; column 1: 10, 10 → mean 5.5; MAE = 2/6.
    expect(computeMetrics(actual, predicted).MASE).toBeCloseTo(2 / 6 / 5.5, 12);
  });
});

describe("per step and averaged", () => {
  // two samples, one output series of 4 steps
  const actual = { rows: 2, cols: 4, data: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]) };
  const predicted = { rows: 2, cols: 4, data: Float64Array.from([1, 2, 3, 6, 5, 6, 7, 8]) };
  const blocks = [{ offset: 0, steps: 4 }];

  it("by step: only the fourth step has an error", () => {
    const bySteps = metricsByStep(actual, predicted, blocks);
    expect(bySteps.map((m) => m.step)).toEqual([1, 2, 3, 4]);
    expect(bySteps.map((m) => m.MAE)).toEqual([0, 0, 0, 1]);
  });

  it("averages steps in blocks of n, dropping a partial block", () => {
    expect(Array.from(averageSteps(actual, blocks, 2).data)).toEqual([1.5, 3.5, 5.5, 7.5]);
    expect(Array.from(averageSteps(actual, blocks, 3).data)).toEqual([2, 6]);
    const averaged = metricsByAveraging(actual, predicted, blocks);
    expect(averaged.map((m) => m.n)).toEqual([1, 2, 3, 4]);
    expect(averaged[1].MAE).toBeCloseTo(0.25, 12); // one block off by 1 (3.5 vs 4.5), three exact
    expect(averaged[3].MAE).toBeCloseTo(0.25, 12); // 2.5 vs 3, and one exact
  });
});
