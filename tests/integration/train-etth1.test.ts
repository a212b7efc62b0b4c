import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findColumn } from "@/lib/series/frame";
import { runTraining } from "@/lib/train/run-training";
import { trainingConfigSchema, type ModelResult, type TrainingResult } from "@/lib/train/training-config";
import { ingestFile } from "@/server/ingest/ingest-file";
import { ETTH1_CSV } from "../support/fixtures";

/**
 * The ETTh1 benchmark (tests/fixtures/ETTh1/, bench/README.md): OT −95 h…0 h → OT +1 h…+96 h, hourly,
 * standard scaling, the LTSF date split. Standardised MSE = test MSE ÷ the variance of OT
 * over the training rows (what the published figures are on).
 */
const REFERENCE_PYTHON = "/tmp/refpy/bin/python";
const VALIDATION_FROM = "2017-06-26T00:00:00Z";
const TEST_FROM = "2017-10-24T00:00:00Z";
const UNTIL = "2018-02-21T00:00:00Z";
/** scikit-learn LinearRegression on the same windows (bench/linear_fit_reference.py). */
const SKLEARN_OLS_STANDARDISED_MSE = 0.0606;
const NLINEAR_PUBLISHED = 0.056;

const config = trainingConfigSchema.parse({
  version: 1,
  inputs: [{ file: "ETTh1.csv", column: "OT", startHours: -95, endHours: 0 }],
  outputs: [{ file: "ETTh1.csv", column: "OT", startHours: 1, endHours: 96 }],
  steps: { inputSteps: 96, outputSteps: 96, stepMinutes: 60 },
  scaling: "standard",
  split: { validationFrom: VALIDATION_FROM, testFrom: TEST_FROM, until: UNTIL },
  models: [
    { kind: "naive" },
    { kind: "seasonalNaive", periodHours: 24 },
    { kind: "linear" },
    { kind: "linear", normalize: "last" },
    { kind: "linear", normalize: "last", alpha: 1000 },
  ],
});

let time: Float64Array;
let ot: Float64Array;
let trainingVariance: number;
let result: TrainingResult;
const standardised = (model: ModelResult) => (model.test.MSE as number) / trainingVariance;

/**
 * OLS on the benchmark windows built independently by row index (the file is hourly with
 * no gaps), solved from the normal equations [1 X]ᵀ[1 X] β = [1 X]ᵀ y by Gaussian
 * elimination with partial pivoting; returns the standardised test MSE.
 */
function referenceOls(): number {
  const validationFrom = Date.parse(VALIDATION_FROM);
  const testFrom = Date.parse(TEST_FROM);
  const until = Date.parse(UNTIL);
  let mean = 0;
  let count = 0;
  for (let i = 0; i < time.length; i++) {
    if (time[i] >= validationFrom) continue;
    mean += ot[i];
    count++;
  }
  mean /= count;
  const z = Float64Array.from(ot, (v) => (v - mean) / Math.sqrt(trainingVariance));
  const p = 97;
  const lhs = Array.from({ length: p }, () => new Float64Array(p));
  const rhs = Array.from({ length: p }, () => new Float64Array(96));
  const row = new Float64Array(p);
  const trainRefs: number[] = [];
  const testRefs: number[] = [];
  for (let r = 95; r + 96 < time.length; r++) {
    if (time[r + 96] < validationFrom) trainRefs.push(r);
    else if (time[r + 1] >= testFrom && time[r + 96] < until) testRefs.push(r);
  }
  for (const r of trainRefs) {
    row[0] = 1;
    for (let k = 0; k < 96; k++) row[k + 1] = z[r - 95 + k];
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) lhs[a][b] += row[a] * row[b];
      for (let h = 0; h < 96; h++) rhs[a][h] += row[a] * z[r + 1 + h];
    }
  }
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(lhs[r][c]) > Math.abs(lhs[pivot][c])) pivot = r;
    [lhs[c], lhs[pivot]] = [lhs[pivot], lhs[c]];
    [rhs[c], rhs[pivot]] = [rhs[pivot], rhs[c]];
    for (let r = c + 1; r < p; r++) {
      const f = lhs[r][c] / lhs[c][c];
      for (let k = c; k < p; k++) lhs[r][k] -= f * lhs[c][k];
      for (let h = 0; h < 96; h++) rhs[r][h] -= f * rhs[c][h];
    }
  }
  const beta = Array.from({ length: p }, () => new Float64Array(96));
  for (let c = p - 1; c >= 0; c--) {
    for (let h = 0; h < 96; h++) {
      let s = rhs[c][h];
      for (let k = c + 1; k < p; k++) s -= lhs[c][k] * beta[k][h];
      beta[c][h] = s / lhs[c][c];
    }
  }
  let squared = 0;
  for (const r of testRefs) {
    for (let h = 0; h < 96; h++) {
      let forecast = beta[0][h];
      for (let k = 0; k < 96; k++) forecast += beta[k + 1][h] * z[r - 95 + k];
      squared += (forecast - z[r + 1 + h]) ** 2;
    }
  }
  return squared / (testRefs.length * 96);
}

beforeAll(async () => {
  const { frame } = await ingestFile(ETTH1_CSV);
  time = frame.time;
  ot = findColumn(frame, "OT")!.values;
  const validationFrom = Date.parse(VALIDATION_FROM);
  let sum = 0;
  let squares = 0;
  let n = 0;
  for (let i = 0; i < time.length; i++) {
    if (time[i] >= validationFrom) continue;
    sum += ot[i];
    squares += ot[i] * ot[i];
    n++;
  }
  trainingVariance = squares / n - (sum / n) ** 2;
  const series = { time, values: ot };
  result = await runTraining(config, { inputs: [series], outputs: [series] });
});

describe("ETTh1 benchmark", () => {
  it("reads the file as hourly UTC rows from 2016-07-01", () => {
    expect(time.length).toBe(17420);
    expect(time[0]).toBe(Date.UTC(2016, 6, 1));
    expect(time[1] - time[0]).toBe(3_600_000);
  });

  it("builds 8,449 training and 2,785 validation and test samples", () => {
    expect(result.samples).toMatchObject({ train: 8449, validation: 2785, test: 2785, skipped: 0 });
    expect(result.features).toEqual({ inputs: 96, outputs: 96 });
  });

  it("linear OLS matches scikit-learn's figure within 1 % and an independent normal-equations solve", () => {
    const linear = result.models[2];
    expect(linear).toMatchObject({ kind: "linear", normalize: "none", alpha: 0 });
    expect(Math.abs(standardised(linear) / SKLEARN_OLS_STANDARDISED_MSE - 1)).toBeLessThan(0.01);
    expect(Math.abs(standardised(linear) / referenceOls() - 1)).toBeLessThan(1e-6);
    // the scaled test MSE is on the scaler fitted to the training windows, close to (not the same as) the row-based z-score
    expect(Math.abs((linear.testScaled.MSE as number) / standardised(linear) - 1)).toBeLessThan(0.02);
  });

  it.runIf(existsSync(REFERENCE_PYTHON))("agrees with scikit-learn run on the same windows", () => {
    const output = execFileSync(REFERENCE_PYTHON, [path.resolve("bench/linear_fit_reference.py"), ETTH1_CSV, "1"], { encoding: "utf8" });
    const reference = JSON.parse(output) as { train: number; test: number; standardisedTestMSE: number };
    expect(reference.train).toBe(result.samples.train);
    expect(reference.test).toBe(result.samples.test);
    expect(Math.abs(standardised(result.models[2]) / reference.standardisedTestMSE - 1)).toBeLessThan(0.01);
  });

  it("the best model beats naive and reaches the published NLinear figure (≤ 0.056)", () => {
    const naive = result.models[0];
    const best = result.models.reduce((a, b) => (standardised(b) < standardised(a) ? b : a));
    expect(best).toMatchObject({ kind: "linear", normalize: "last", alpha: 1000 });
    expect(standardised(best)).toBeLessThan(standardised(naive));
    expect(standardised(best)).toBeLessThanOrEqual(NLINEAR_PUBLISHED);
    expect(standardised(result.models[3])).toBeLessThanOrEqual(NLINEAR_PUBLISHED);
    for (const model of result.models) {
      console.log(`${model.kind}${"normalize" in model ? ` ${model.normalize} α=${model.alpha}` : ""}: standardised MSE ${standardised(model).toFixed(4)}, MAE ${model.test.MAE?.toFixed(3)}, fit ${model.fitSeconds.toFixed(2)} s`);
    }
  });
});
