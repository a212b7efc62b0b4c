import { describe, expect, it } from "vitest";
import { newProjectConfig } from "@/lib/contracts/training-project";
import { configFieldErrors } from "@/lib/train/config-field-errors";

const series = (column: string) => ({ datasetId: "d1", column, startHours: -2, endHours: 0, method: "linear" });

describe("configFieldErrors", () => {
  it("a new project asks for its series; a complete one has no errors", () => {
    expect(Object.keys(configFieldErrors(newProjectConfig()))).toEqual(["inputs", "outputs"]);
    expect(configFieldErrors({ ...newProjectConfig(), inputs: [series("load")], outputs: [series("load")] })).toEqual({});
  });

  it("names each field, with 'Required.' for a cleared one", () => {
    const draft = { ...newProjectConfig(), inputs: [{ ...series("load"), endHours: -5 }], outputs: [series("load")], steps: { inputSteps: null, outputSteps: 0, stepMinutes: 3, offsetMinutes: 0 } };
    const errors = configFieldErrors(draft);
    expect(errors["steps.inputSteps"]).toBe("Required.");
    expect(errors["steps.outputSteps"]).toMatch(/>=\s*1/);
    expect(errors["inputs.0.endHours"]).toBe("must not be before startHours");
  });

  it("reports the split shape the draft is closest to", () => {
    const complete = { ...newProjectConfig(), inputs: [series("load")], outputs: [series("load")] };
    expect(configFieldErrors({ ...complete, split: { train: 0.7, validation: 0.2, test: null, shuffle: false, seed: 1 } })).toEqual({ "split.test": "Required." });
    expect(configFieldErrors({ ...complete, split: { validationFrom: "2017-06-26T00:00:00Z", testFrom: "2017-06-01T00:00:00Z" } })).toEqual({
      "split.testFrom": "must not be before validationFrom",
    });
    expect(configFieldErrors({ ...complete, split: { train: 0.7, validation: 0.2, test: 0.2, shuffle: false, seed: 1 } })).toEqual({ "split.train": "train + validation + test must be 1" });
  });

  it("model hyperparameters by index", () => {
    const draft = { ...newProjectConfig(), inputs: [series("load")], outputs: [series("load")], models: [{ kind: "naive" }, { kind: "dense", layers: 0 }] };
    expect(Object.keys(configFieldErrors(draft))).toEqual(["models.1.layers"]);
  });
});
