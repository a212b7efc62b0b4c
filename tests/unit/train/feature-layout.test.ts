import { describe, expect, it } from "vitest";
import { buildFeatureLayout, inputScalerGroups, outputScalerGroups } from "@/lib/train/feature-layout";
import { trainingConfigSchema } from "@/lib/train/training-config";

const config = trainingConfigSchema.parse({
  version: 1,
  inputs: [
    { file: "w.csv", column: "T", startHours: -2, endHours: 0 },
    { file: "l.csv", column: "load", startHours: -2, endHours: 0, scaleMin: -1, scaleMax: 1 },
  ],
  outputs: [{ file: "l.csv", column: "load", startHours: 1, endHours: 2 }, { file: "w.csv", column: "other", startHours: 1, endHours: 2 }],
  steps: { inputSteps: 3, outputSteps: 2, stepMinutes: 60 },
  timeFeatures: { day: true, holidays: { country: "DE" } },
  models: [{ kind: "linear" }],
});

describe("buildFeatureLayout", () => {
  it("places the series windows, then the time features, and matches outputs to inputs by source and column", () => {
    const layout = buildFeatureLayout(config);
    expect(layout.inputSeries.map((b) => [b.label, b.offset, b.steps])).toEqual([["T", 0, 3], ["load", 3, 3]]);
    expect(layout.timeFeatures).toEqual(["d_sin", "d_cos", "h"]);
    expect(layout.timeFeatureOffset).toBe(6);
    expect(layout.timeFeaturesPerStep).toBe(0);
    expect(layout.inputWidth).toBe(9);
    expect(layout.outputSeries.map((b) => [b.label, b.offset, b.inputIndex])).toEqual([["load", 0, 1], ["other", 2, null]]);
    expect(layout.outputWidth).toBe(4);
    expect(layout.outputSeries[0].offsetsMs).toEqual([3_600_000, 7_200_000]);
  });

  it("window-form time features: one pair per input step, taken at the first input series' step times", () => {
    const layout = buildFeatureLayout({ ...config, timeFeatures: { ...config.timeFeatures, form: "window" } });
    expect(layout.timeFeaturesPerStep).toBe(2);
    expect(layout.timeFeatures).toEqual(["d_sin@-2h", "d_cos@-2h", "d_sin@-1h", "d_cos@-1h", "d_sin@0h", "d_cos@0h", "h"]);
    expect(layout.inputWidth).toBe(6 + 7);
  });

  it("groups scaler columns per series and per time feature", () => {
    const layout = buildFeatureLayout(config);
    expect(inputScalerGroups(layout)).toEqual([
      { from: 0, count: 3, rangeMin: undefined, rangeMax: undefined },
      { from: 3, count: 3, rangeMin: -1, rangeMax: 1 },
      { from: 6, count: 1 },
      { from: 7, count: 1 },
      { from: 8, count: 1 },
    ]);
    expect(outputScalerGroups(layout).map((g) => [g.from, g.count])).toEqual([[0, 2], [2, 2]]);
  });
});
