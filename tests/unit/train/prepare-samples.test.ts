import { describe, expect, it } from "vitest";
import { prepareSamples } from "@/lib/train/prepare-samples";
import { trainingConfigSchema } from "@/lib/train/training-config";

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const hourly = (n: number, f: (i: number) => number) => ({
  time: Float64Array.from({ length: n }, (_, i) => T0 + i * H),
  values: Float64Array.from({ length: n }, (_, i) => f(i)),
});

const config = (scaling: "minmax" | "standard") =>
  trainingConfigSchema.parse({
    version: 1,
    inputs: [{ file: "a.csv", column: "v", startHours: -2, endHours: 0 }],
    outputs: [{ file: "a.csv", column: "v", startHours: 1, endHours: 1 }],
    steps: { inputSteps: 3, outputSteps: 1, stepMinutes: 60 },
    timeFeatures: { day: true },
    scaling,
    models: [{ kind: "naive" }],
  });

describe("prepareSamples", () => {
  it("builds windows, appends time features and splits", () => {
    const series = hourly(103, (i) => i);
    const prepared = prepareSamples(config("minmax"), { inputs: [series], outputs: [series] });
    expect(prepared.inputs.cols).toBe(5);
    expect(prepared.outputs.cols).toBe(1);
    expect(prepared.referenceTime.length).toBe(100);
    expect([prepared.split.train.length, prepared.split.validation.length, prepared.split.test.length]).toEqual([70, 20, 10]);
  });

  it("fits the scalers on the training part only: test-period data never changes them", () => {
    for (const scaling of ["minmax", "standard"] as const) {
      const clean = hourly(103, (i) => Math.sin(i / 5));
      // the same series with wild values in the last 15 hours (validation/test period only)
      const wild = hourly(103, (i) => (i >= 88 ? 1e6 * i : Math.sin(i / 5)));
      const a = prepareSamples(config(scaling), { inputs: [clean], outputs: [clean] });
      const b = prepareSamples(config(scaling), { inputs: [wild], outputs: [wild] });
      expect(Array.from(b.inputScaler.scale)).toEqual(Array.from(a.inputScaler.scale));
      expect(Array.from(b.inputScaler.shift)).toEqual(Array.from(a.inputScaler.shift));
      expect(Array.from(b.outputScaler.shift)).toEqual(Array.from(a.outputScaler.shift));
      // the wild rows are in the data, so a leak would show
      expect(b.inputs.data[b.inputs.data.length - 5 + 2]).toBeGreaterThan(1e7);
    }
  });
});
