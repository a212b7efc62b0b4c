import { describe, expect, it } from "vitest";
import { runTraining, TrainingDataError } from "@/lib/train/run-training";
import { trainingConfigSchema, trainingResultSchema } from "@/lib/train/training-config";
import type { ModelDocument } from "@/lib/train/model-document";

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const n = 24 * 30;
const series = {
  time: Float64Array.from({ length: n }, (_, i) => T0 + i * H),
  values: Float64Array.from({ length: n }, (_, i) => 10 + 5 * Math.sin((2 * Math.PI * i) / 24) + ((i * 7919) % 13) / 13),
};

const config = trainingConfigSchema.parse({
  version: 1,
  inputs: [{ file: "a.csv", column: "v", startHours: -23, endHours: 0 }],
  outputs: [{ file: "a.csv", column: "v", startHours: 1, endHours: 6 }],
  steps: { inputSteps: 24, outputSteps: 6, stepMinutes: 60 },
  scaling: "standard",
  models: [{ kind: "naive" }, { kind: "seasonalNaive", periodHours: 24 }, { kind: "linear", normalize: "last" }],
});

describe("runTraining", () => {
  it("returns the contract's result: counts, features, metrics per part, step and averaging", async () => {
    const documents: ModelDocument[] = [];
    const progress: string[] = [];
    const result = await runTraining(config, { inputs: [series], outputs: [series] }, {
      onModel: (document) => {
        documents.push(document);
      },
      onProgress: (p) => progress.push(`${p.model} ${p.message}`),
      now: () => 0,
    });
    expect(trainingResultSchema.parse(result)).toEqual(result);
    const total = n - 23 - 6;
    expect(result.samples.train + result.samples.validation + result.samples.test).toBe(total);
    expect(result.samples.train).toBe(Math.round(0.7 * total));
    expect(result.features).toEqual({ inputs: 24, outputs: 6 });
    expect(result.models.map((m) => m.kind)).toEqual(["naive", "seasonalNaive", "linear"]);
    const [naive, seasonal, linear] = result.models;
    expect(seasonal.test.MAE as number).toBeLessThan(naive.test.MAE as number);
    expect(linear.test.MAE as number).toBeLessThan(naive.test.MAE as number);
    expect(linear.testByStep).toHaveLength(6);
    expect(linear.testByAveraging.map((a) => a.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(linear.testByAveraging[0].MAE).toBeCloseTo(linear.test.MAE as number, 12);
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
    expect(documents.map((d) => d.model.kind)).toEqual(["naive", "seasonalNaive", "linear"]);
    expect(documents[0].createdAt).toBe("1970-01-01T00:00:00.000Z");
    expect(progress).toContain("3:linear done");
  });

  it("hands each model's test forecasts to onModel with the test samples' reference times, and numbers progress by model", async () => {
    const tests: { referenceTime: number[]; actual: number; forecast: number }[] = [];
    const positions = new Set<number | undefined>();
    const result = await runTraining(config, { inputs: [series], outputs: [series] }, {
      onModel: (_document, _result, test) => {
        tests.push({ referenceTime: Array.from(test.referenceTime), actual: test.actual.rows, forecast: test.forecast.rows });
        expect(test.forecast.cols).toBe(6);
      },
      onProgress: (p) => positions.add(p.position),
    });
    expect(positions).toEqual(new Set([1, 2, 3]));
    expect(tests).toHaveLength(3);
    for (const test of tests) {
      expect(test.actual).toBe(result.samples.test);
      expect(test.forecast).toBe(result.samples.test);
      // The chronological split's test part is the last samples; each reference time is an hour after the previous.
      expect(test.referenceTime.every((t, i) => i === 0 || t - test.referenceTime[i - 1] === H)).toBe(true);
      expect(test.referenceTime.at(-1)).toBe(T0 + (n - 7) * H);
    }
  });

  it("is reproducible and can be cancelled", async () => {
    const a = await runTraining(config, { inputs: [series], outputs: [series] });
    const b = await runTraining(config, { inputs: [series], outputs: [series] });
    expect(b.models.map((m) => m.test)).toEqual(a.models.map((m) => m.test));
    const controller = new AbortController();
    controller.abort();
    await expect(runTraining(config, { inputs: [series], outputs: [series] }, { signal: controller.signal })).rejects.toThrow();
  });

  it("refuses settings that leave no training samples, saying how many reference times there were", async () => {
    const short = { time: series.time.subarray(0, 20), values: series.values.subarray(0, 20) };
    await expect(runTraining(config, { inputs: [short], outputs: [short] })).rejects.toThrow(TrainingDataError);
    await expect(runTraining(config, { inputs: [short], outputs: [short] })).rejects.toThrow(/^no training samples: 0 reference times/);
  });

  it("keeps the models an interrupted run finished and trains only the rest, saying it resumed", async () => {
    const full = await runTraining(config, { inputs: [series], outputs: [series] }, { now: () => 0 });
    const trained: string[] = [];
    const progress: string[] = [];
    const resumed = await runTraining(config, { inputs: [series], outputs: [series] }, {
      now: () => 0,
      resume: { models: full.models.slice(0, 2) },
      onModel: (document) => {
        trained.push(document.model.kind);
      },
      onProgress: (p) => progress.push(`${p.position} ${p.message}`),
    });
    expect(trained).toEqual(["linear"]);
    expect(progress[0]).toBe("3 resumed after 2 trained model(s)");
    expect(resumed.models).toHaveLength(3);
    expect(resumed.models[0]).toBe(full.models[0]);
    expect(resumed.models.map((m) => m.test)).toEqual(full.models.map((m) => m.test));
  });
});
