import { describe, expect, it } from "vitest";
import { featureDistributions } from "@/lib/train/feature-distributions";
import { prepareSamples } from "@/lib/train/prepare-samples";
import { trainingConfigSchema } from "@/lib/train/training-config";

const H = 3_600_000;
const hourly = (n: number, value: (i: number) => number) => ({
  time: Float64Array.from({ length: n }, (_, i) => i * H),
  values: Float64Array.from({ length: n }, (_, i) => value(i)),
});

const config = (timeFeatures: Record<string, unknown> = {}) =>
  trainingConfigSchema.parse({
    version: 1,
    inputs: [{ file: "a.csv", column: "load", startHours: -1, endHours: 0 }],
    outputs: [{ file: "a.csv", column: "load", startHours: 1, endHours: 1 }],
    steps: { inputSteps: 2, outputSteps: 1, stepMinutes: 60 },
    timeFeatures,
    split: { train: 0.5, validation: 0.25, test: 0.25 },
    models: [{ kind: "naive" }],
  });

describe("featureDistributions", () => {
  it("pools a series' window steps over the training samples only", () => {
    // load = i at hour i; t_ref 1…10 (11 rows, output at t_ref + 1 h): 10 samples, the first 5 train.
    const load = hourly(12, (i) => i);
    const prepared = prepareSamples(config(), { inputs: [load], outputs: [load] });
    expect(prepared.split.train.length).toBe(5);
    const [input, output] = featureDistributions(prepared);
    // Training inputs: windows (0,1) (1,2) (2,3) (3,4) (4,5) → 0 1 1 2 2 3 3 4 4 5.
    expect(input).toMatchObject({ role: "input", index: 0, label: "load" });
    expect(input.summary).toMatchObject({ count: 10, min: 0, max: 5, median: 2.5, mean: 2.5, q1: 1.25, q3: 3.75 });
    // Training outputs: 2 3 4 5 6 — validation and test (7…11) stay out.
    expect(output).toMatchObject({ role: "output", index: 0, label: "load" });
    expect(output.summary).toMatchObject({ count: 5, min: 2, max: 6, median: 4 });
  });

  it("one distribution per time feature; the window form pools its per-step columns", () => {
    const load = hourly(48, (i) => i);
    const reference = featureDistributions(prepareSamples(config({ day: true }), { inputs: [load], outputs: [load] }));
    expect(reference.map((feature) => `${feature.role}:${feature.label}`)).toEqual(["input:load", "time:d_sin", "time:d_cos", "output:load"]);
    const windowForm = featureDistributions(prepareSamples(config({ day: true, form: "window" }), { inputs: [load], outputs: [load] }));
    const daySin = windowForm.find((feature) => feature.label === "d_sin")!;
    const train = reference.find((feature) => feature.label === "d_sin")!.summary!.count;
    expect(daySin.summary!.count).toBe(2 * train);
    expect(daySin.summary!.min).toBeGreaterThanOrEqual(-1);
    expect(daySin.summary!.max).toBeLessThanOrEqual(1);
  });
});
