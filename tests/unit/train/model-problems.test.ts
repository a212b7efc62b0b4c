import { describe, expect, it } from "vitest";
import { modelProblems } from "@/lib/train/model-problems";
import { trainingConfigSchema } from "@/lib/train/training-config";

const config = (inputColumn: string, startHours: number) =>
  trainingConfigSchema.parse({
    version: 1,
    inputs: [{ datasetId: "d1", column: inputColumn, startHours, endHours: 0 }],
    outputs: [{ datasetId: "d1", column: "load", startHours: 1, endHours: 4 }],
    steps: { inputSteps: 4, outputSteps: 4, stepMinutes: 60 },
    models: [{ kind: "linear" }],
  });

describe("modelProblems", () => {
  it("naive needs the target among the inputs; linear does not", () => {
    const problems = modelProblems(config("temp", -3), [{ kind: "linear" }, { kind: "naive" }]);
    expect(problems).toHaveLength(1);
    expect(problems[0].index).toBe(1);
    expect(problems[0].message).toMatch(/load/);
    expect(modelProblems(config("load", -3), [{ kind: "naive" }])).toEqual([]);
  });

  it("seasonal naive needs a window reaching back a whole period", () => {
    expect(modelProblems(config("load", -3), [{ kind: "seasonalNaive", periodHours: 24 }])).toMatchObject([{ index: 0 }]);
    expect(modelProblems(config("load", -24), [{ kind: "seasonalNaive", periodHours: 24 }])).toEqual([]);
  });

  it("leaves entries that are not valid model settings to the form", () => {
    expect(modelProblems(config("temp", -3), [{ kind: "naive", extra: 1 }, { kind: "dense", layers: 0 }])).toEqual([]);
  });
});
