import { describe, expect, it } from "vitest";
import { buildFeatureLayout } from "@/lib/train/feature-layout";
import { identityScaler } from "@/lib/train/scalers";
import { naivePicks, trainNaive } from "@/lib/train/models/naive";
import { trainingConfigSchema } from "@/lib/train/training-config";

const config = (outputColumn = "T") =>
  trainingConfigSchema.parse({
    version: 1,
    inputs: [{ file: "a.csv", column: "T", startHours: -2, endHours: 0 }],
    outputs: [{ file: "a.csv", column: outputColumn, startHours: 1, endHours: 2 }],
    steps: { inputSteps: 3, outputSteps: 2, stepMinutes: 60 },
    models: [{ kind: "naive" }],
  });

describe("naive", () => {
  it("repeats the last input value for every output step", () => {
    const layout = buildFeatureLayout(config());
    const model = trainNaive({ layout, inputScaler: identityScaler(3), outputScaler: identityScaler(2) });
    const predicted = model.predict({ rows: 2, cols: 3, data: Float64Array.from([1, 2, 3, 4, 5, 6]) });
    expect(Array.from(predicted.data)).toEqual([3, 3, 6, 6]);
  });

  it("converts between different input and output scalers through original units", () => {
    const layout = buildFeatureLayout(config());
    const inputScaler = { scale: new Float64Array(3).fill(2), shift: new Float64Array(3).fill(1) }; // scaled = 2v + 1
    const outputScaler = { scale: new Float64Array(2).fill(0.5), shift: new Float64Array(2) }; // scaled = v / 2
    const model = trainNaive({ layout, inputScaler, outputScaler });
    // last input scaled 7 → original 3 → output scaled 1.5
    expect(Array.from(model.predict({ rows: 1, cols: 3, data: Float64Array.from([0, 0, 7]) }).data)).toEqual([1.5, 1.5]);
  });

  it("needs the target among the inputs", () => {
    expect(() => naivePicks(buildFeatureLayout(config("other")))).toThrow(/'other' among the inputs/);
  });
});
