import { describe, expect, it } from "vitest";
import { buildFeatureLayout } from "@/lib/train/feature-layout";
import { identityScaler } from "@/lib/train/scalers";
import { restoreModel, trainModel } from "@/lib/train/models/train-model";
import { modelConfigSchema, trainingConfigSchema } from "@/lib/train/training-config";

const layout = buildFeatureLayout(
  trainingConfigSchema.parse({
    version: 1,
    inputs: [{ file: "a.csv", column: "v", startHours: -1, endHours: 0 }],
    outputs: [{ file: "a.csv", column: "v", startHours: 1, endHours: 1 }],
    steps: { inputSteps: 2, outputSteps: 1, stepMinutes: 60 },
    models: [{ kind: "naive" }],
  }),
);
const context = { layout, inputScaler: identityScaler(2), outputScaler: identityScaler(1) };
const samples = { inputs: { rows: 3, cols: 2, data: Float64Array.from([1, 2, 2, 3, 3, 4]) }, outputs: { rows: 3, cols: 1, data: Float64Array.from([3, 4, 5]) } };

describe("trainModel / restoreModel", () => {
  it("dispatches on the kind and restores the same predictions from the JSON state", async () => {
    for (const raw of [{ kind: "naive" }, { kind: "seasonalNaive", periodHours: 1 }, { kind: "linear" }]) {
      const config = modelConfigSchema.parse(raw);
      const trained = await trainModel(config, context, { train: samples, validation: samples });
      const restored = await restoreModel(config, context, JSON.parse(JSON.stringify(trained.state)));
      expect(Array.from(restored.predict(samples.inputs).data)).toEqual(Array.from(trained.predict(samples.inputs).data));
    }
  });
  it("stops at once when cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(trainModel(modelConfigSchema.parse({ kind: "linear" }), { ...context, signal: controller.signal }, { train: samples, validation: samples })).rejects.toThrow();
  });
});
