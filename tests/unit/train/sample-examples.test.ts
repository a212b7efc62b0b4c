import { describe, expect, it } from "vitest";
import { prepareSamples } from "@/lib/train/prepare-samples";
import { sampleExamples, spreadIndices } from "@/lib/train/sample-examples";
import { trainingConfigSchema } from "@/lib/train/training-config";

const H = 3_600_000;
const hourly = (n: number, value: (i: number) => number) => ({
  time: Float64Array.from({ length: n }, (_, i) => i * H),
  values: Float64Array.from({ length: n }, (_, i) => value(i)),
});

describe("spreadIndices", () => {
  it("spreads evenly with the first and last sample, never more than there are", () => {
    expect(spreadIndices(101, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(spreadIndices(3, 6)).toEqual([0, 1, 2]);
    expect(spreadIndices(1, 6)).toEqual([0]);
    expect(spreadIndices(0, 6)).toEqual([]);
  });
});

describe("sampleExamples", () => {
  const config = trainingConfigSchema.parse({
    version: 1,
    inputs: [
      { file: "a.csv", column: "temp", startHours: -2, endHours: 0 },
      { file: "b.csv", column: "load", startHours: -2, endHours: 0 },
    ],
    outputs: [{ file: "b.csv", column: "load", startHours: 1, endHours: 3 }],
    steps: { inputSteps: 3, outputSteps: 3, stepMinutes: 60 },
    split: { train: 0.6, validation: 0.2, test: 0.2 },
    models: [{ kind: "naive" }],
  });
  const temp = hourly(40, (i) => 10 + i);
  const load = hourly(40, (i) => (i === 30 ? NaN : 100 + i));
  const series = { inputs: [temp, load], outputs: [load] };
  const prepared = prepareSamples(config, series);

  it("draws each distinct series once, with the windows the sample took from it", () => {
    const [example] = sampleExamples(series, prepared, [5]);
    const t = prepared.referenceTime[5];
    expect(example).toMatchObject({ sample: 5, referenceTime: t, part: "train" });
    expect(example.series.map((one) => one.label)).toEqual(["temp", "load"]);
    const [tempSeries, loadSeries] = example.series;
    expect(tempSeries.output).toBeNull();
    expect(tempSeries.input).toEqual({ times: [t - 2 * H, t - H, t], values: [10 + t / H - 2, 10 + t / H - 1, 10 + t / H] });
    expect(loadSeries.input!.values).toEqual([100 + t / H - 2, 100 + t / H - 1, 100 + t / H]);
    expect(loadSeries.output).toEqual({ times: [t + H, t + 2 * H, t + 3 * H], values: [101 + t / H, 102 + t / H, 103 + t / H] });
    // Measured values from before the input window to after the output window, in order.
    const times = loadSeries.points.map(([time]) => time);
    expect(times[0]).toBeLessThan(t - 2 * H);
    expect(times.at(-1)).toBeGreaterThan(t + 3 * H);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("names the part of each sample and keeps missing values as breaks", () => {
    const last = prepared.referenceTime.length - 1;
    const examples = sampleExamples(series, prepared, [0, last]);
    expect(examples.map((example) => example.part)).toEqual(["train", "test"]);
    const near30 = sampleExamples(series, prepared, [prepared.referenceTime.findIndex((time) => time >= 26 * H)])[0];
    expect(near30.series[1].points).toContainEqual([30 * H, null]);
  });
});
