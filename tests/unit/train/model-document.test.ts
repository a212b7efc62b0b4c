import { describe, expect, it } from "vitest";
import { deserialiseScaler, modelDocumentSchema, serialiseScaler } from "@/lib/train/model-document";

const config = {
  version: 1,
  inputs: [{ file: "a.csv", column: "v", startHours: -1, endHours: 0 }],
  outputs: [{ file: "a.csv", column: "v", startHours: 1, endHours: 1 }],
  steps: { inputSteps: 2, outputSteps: 1, stepMinutes: 60 },
  models: [{ kind: "linear" }],
};
const document = {
  format: "chronoframe-model",
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  config,
  model: { kind: "linear" },
  inputScaler: { scale: [1, 1], shift: [0, 0] },
  outputScaler: { scale: [1], shift: [0] },
  state: { normalize: "none", coefficients: [0.5, 0.5], intercept: [0] },
};

describe("modelDocumentSchema", () => {
  it("accepts a linear model document and fills config defaults", () => {
    const parsed = modelDocumentSchema.parse(document);
    expect(parsed.model).toEqual({ kind: "linear", alpha: 0, normalize: "none" });
    expect(parsed.config.scaling).toBe("minmax");
  });
  it("rejects a state that does not fit the model kind, and other formats", () => {
    expect(() => modelDocumentSchema.parse({ ...document, state: { weights: [] } })).toThrow(/linear state/);
    expect(() => modelDocumentSchema.parse({ ...document, format: "keras" })).toThrow();
  });
  it("round-trips scalers through JSON", () => {
    const scaler = { scale: Float64Array.from([0.5, 2]), shift: Float64Array.from([-1, 3]) };
    const back = deserialiseScaler(JSON.parse(JSON.stringify(serialiseScaler(scaler))));
    expect(Array.from(back.scale)).toEqual([0.5, 2]);
    expect(Array.from(back.shift)).toEqual([-1, 3]);
  });
});
