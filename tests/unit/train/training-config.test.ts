import { describe, expect, it } from "vitest";
import { describeConfigError, trainingConfigSchema, trainingResultSchema } from "@/lib/train/training-config";

const minimal = {
  version: 1,
  inputs: [{ file: "a.csv", column: "T", startHours: -2, endHours: 0 }],
  outputs: [{ file: "a.csv", column: "T", startHours: 1, endHours: 2 }],
  steps: { inputSteps: 3, outputSteps: 2, stepMinutes: 60 },
  models: [{ kind: "linear" }],
};

function errorOf(config: unknown): string {
  const parsed = trainingConfigSchema.safeParse(config);
  if (parsed.success) throw new Error("expected the config to be rejected");
  return describeConfigError(parsed.error);
}

describe("trainingConfigSchema", () => {
  it("parses the contract's example and fills defaults", () => {
    const config = trainingConfigSchema.parse({
      version: 1,
      inputs: [
        { file: "weather.csv", column: "T", startHours: -2, endHours: 0, method: "linear" },
        { datasetId: "d1", column: "load", startHours: -24, endHours: 0, method: "mean" },
      ],
      outputs: [{ file: "load.csv", column: "load", startHours: 0, endHours: 2, method: "linear" }],
      steps: { inputSteps: 13, outputSteps: 13, stepMinutes: 3, offsetMinutes: 0 },
      timeFeatures: { year: false, month: false, week: false, day: true, holidays: { country: "AT" }, local: true, timezone: "Europe/Vienna" },
      scaling: "minmax",
      split: { train: 0.7, validation: 0.2, test: 0.1, shuffle: false, seed: 1 },
      models: [
        { kind: "naive" },
        { kind: "linear" },
        { kind: "linear", normalize: "last", alpha: 0 },
        { kind: "dense", layers: 3, units: 512, epochs: 20, activation: "relu" },
      ],
    });
    expect(config.models[1]).toEqual({ kind: "linear", alpha: 0, normalize: "none" });
    expect(config.models[3]).toMatchObject({ kind: "dense", patience: 2, learningRate: 0.001, seed: 1 });
    expect(config.timeFeatures.holidays).toEqual({ country: "AT" });
  });

  it("defaults the split to 70/20/10 in time order and the time features to none", () => {
    const config = trainingConfigSchema.parse(minimal);
    expect(config.split).toEqual({ train: 0.7, validation: 0.2, test: 0.1, shuffle: false, seed: 1 });
    expect(config.timeFeatures).toMatchObject({ year: false, day: false, holidays: null, local: false, timezone: "UTC" });
    expect(config.steps.offsetMinutes).toBe(0);
  });

  it("requires a zone on split dates, so the machine's time zone never matters", () => {
    expect(errorOf({ ...minimal, split: { validationFrom: "2017-06-26T00:00:00", testFrom: "2017-10-24T00:00:00Z" } })).toMatch(/^split\.validationFrom: .*zone/);
    expect(trainingConfigSchema.parse({ ...minimal, split: { validationFrom: "2017-06-26T02:00:00+02:00", testFrom: "2017-10-24T00:00:00Z" } }).split).toBeTruthy();
  });

  it("accepts a date split", () => {
    const config = trainingConfigSchema.parse({ ...minimal, split: { validationFrom: "2017-06-26T00:00:00Z", testFrom: "2017-10-24T00:00:00Z" } });
    expect(config.split).toEqual({ validationFrom: "2017-06-26T00:00:00Z", testFrom: "2017-10-24T00:00:00Z" });
  });

  it("names the field path of the first problem", () => {
    expect(errorOf({ ...minimal, models: [{ kind: "linear", alpha: -1 }] })).toMatch(/^models\.0\.alpha: /);
    expect(errorOf({ ...minimal, steps: { ...minimal.steps, inputSteps: 0 } })).toMatch(/^steps\.inputSteps: /);
    expect(errorOf({ ...minimal, inputs: [{ column: "T", startHours: 0, endHours: 0 }] })).toMatch(/^inputs\.0\.file: /);
    expect(errorOf({ ...minimal, inputs: [{ file: "a", column: "T", startHours: 0, endHours: -1 }] })).toMatch(/^inputs\.0\.endHours: /);
    expect(errorOf({ ...minimal, timeFeatures: { timezone: "Mars/Olympus" } })).toMatch(/^timeFeatures\.timezone: /);
    expect(errorOf({ ...minimal, models: [{ kind: "forest" }] })).toMatch(/^models\.0\.kind: /);
    expect(errorOf({ ...minimal, version: 2 })).toMatch(/^version: /);
    expect(errorOf({ ...minimal, extra: true })).toMatch(/extra/);
    // a misspelt hyperparameter is an error, not silently the default
    expect(errorOf({ ...minimal, models: [{ kind: "dense", unit: 64 }] })).toMatch(/^models\.0: .*unit/);
  });

  it("rejects fractions that do not sum to 1 and dates out of order", () => {
    expect(errorOf({ ...minimal, split: { train: 0.7, validation: 0.2, test: 0.2 } })).toMatch(/sum|must be 1/);
    expect(() =>
      trainingConfigSchema.parse({ ...minimal, split: { validationFrom: "2018-01-01T00:00:00Z", testFrom: "2017-01-01T00:00:00Z" } }),
    ).toThrow(/validationFrom/);
  });

  it("types metrics as number or null, never NaN-bearing strings", () => {
    const metrics = { MAE: 1, MSE: 1, RMSE: 1, MAPE: null, NRMSE: null, WAPE: null, sMAPE: 0, MASE: null };
    const result = {
      samples: { train: 1, validation: 0, test: 1, skipped: 0, dropped: 0 },
      features: { inputs: 1, outputs: 1 },
      models: [{ kind: "naive", fitSeconds: 0, validation: metrics, test: metrics, testScaled: metrics, testByStep: [{ step: 1, ...metrics }], testByAveraging: [{ n: 1, ...metrics }] }],
    };
    expect(trainingResultSchema.parse(result).models[0].kind).toBe("naive");
    expect(() => trainingResultSchema.parse({ ...result, models: [{ ...result.models[0], test: { ...metrics, MAE: "NaN" } }] })).toThrow();
  });
});
