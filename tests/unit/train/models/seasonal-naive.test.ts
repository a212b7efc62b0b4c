import { describe, expect, it } from "vitest";
import { buildFeatureLayout } from "@/lib/train/feature-layout";
import { identityScaler } from "@/lib/train/scalers";
import { seasonalPicks, trainSeasonalNaive } from "@/lib/train/models/seasonal-naive";
import { trainingConfigSchema } from "@/lib/train/training-config";

const layoutFor = (inputStart: number, outputEnd: number, outputSteps: number) =>
  buildFeatureLayout(
    trainingConfigSchema.parse({
      version: 1,
      inputs: [{ file: "a.csv", column: "T", startHours: inputStart, endHours: 0 }],
      outputs: [{ file: "a.csv", column: "T", startHours: 1, endHours: outputEnd }],
      steps: { inputSteps: 1 - inputStart, outputSteps, stepMinutes: 60 },
      models: [{ kind: "seasonalNaive", periodHours: 4 }],
    }),
  );

describe("seasonalNaive", () => {
  it("takes the value whole periods earlier, within the input window", () => {
    // inputs −5…0 h (6 steps), outputs +1…+6 h, period 4 h: +1 → −3, +4 → 0, +5 → −3, +6 → −2.
    const layout = layoutFor(-5, 6, 6);
    const model = trainSeasonalNaive({ layout, inputScaler: identityScaler(6), outputScaler: identityScaler(6) }, 4);
    const inputs = { rows: 1, cols: 6, data: Float64Array.from([10, 11, 12, 13, 14, 15]) }; // at −5…0 h
    expect(Array.from(model.predict(inputs).data)).toEqual([12, 13, 14, 15, 12, 13]);
  });

  it("interpolates when the seasonal time falls between input steps", () => {
    // inputs −4…0 h with 3 steps (−4, −2, 0); output +1 h → −3 h: halfway between −4 and −2.
    const layout = buildFeatureLayout(
      trainingConfigSchema.parse({
        version: 1,
        inputs: [{ file: "a.csv", column: "T", startHours: -4, endHours: 0 }],
        outputs: [{ file: "a.csv", column: "T", startHours: 1, endHours: 1 }],
        steps: { inputSteps: 3, outputSteps: 1, stepMinutes: 60 },
        models: [{ kind: "seasonalNaive", periodHours: 4 }],
      }),
    );
    expect(seasonalPicks(layout, 4)[0]).toEqual({ columns: [0, 1], weights: [0.5, 0.5] });
  });

  it("refuses an input window shorter than the period", () => {
    expect(() => seasonalPicks(layoutFor(-2, 2, 2), 4)).toThrow(/reach back 4 h/);
  });
});
