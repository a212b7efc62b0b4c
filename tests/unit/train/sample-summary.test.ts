import { describe, expect, it } from "vitest";
import { prepareSamples } from "@/lib/train/prepare-samples";
import { summariseSamples } from "@/lib/train/sample-summary";
import { trainingConfigSchema } from "@/lib/train/training-config";

const H = 3_600_000;
const hourly = (n: number, missingAt: number[] = []) => ({
  time: Float64Array.from({ length: n }, (_, i) => i * H),
  values: Float64Array.from({ length: n }, (_, i) => (missingAt.includes(i) ? NaN : i)),
});

describe("summariseSamples", () => {
  it("counts samples per part and says which series spoiled the skipped ones", () => {
    const config = trainingConfigSchema.parse({
      version: 1,
      inputs: [
        { file: "a.csv", column: "temp", startHours: -1, endHours: 0 },
        { file: "b.csv", column: "load", startHours: -1, endHours: 0 },
      ],
      outputs: [{ file: "b.csv", column: "load", startHours: 1, endHours: 1 }],
      steps: { inputSteps: 2, outputSteps: 1, stepMinutes: 60 },
      split: { validationFrom: new Date(40 * H).toISOString(), testFrom: new Date(70 * H).toISOString() },
      models: [{ kind: "naive" }],
    });
    const temp = hourly(101, [10]);
    const load = hourly(101, [50]);
    const summary = summariseSamples(config, prepareSamples(config, { inputs: [temp, load], outputs: [load] }));
    // candidates t_ref 1…99; temp row 10 spoils t_ref 10, 11; load row 50 spoils t_ref 50, 51 (inputs) and 49 (output)
    expect(summary.candidates).toBe(99);
    expect(summary.skipped).toBe(5);
    expect(summary.skippedBySeries).toEqual([
      { role: "input", index: 0, column: "temp", count: 2 },
      { role: "input", index: 1, column: "load", count: 2 },
      { role: "output", index: 0, column: "load", count: 1 },
    ]);
    expect(summary.train + summary.validation + summary.test + summary.dropped).toBe(99 - 5);
    expect(summary.dropped).toBe(0);
    expect(summary.train).toBe(38 - 2); // t_ref 1…38 have their output before 40 h; temp spoils 2 of them
  });
});
