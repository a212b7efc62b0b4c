import { beforeAll, describe, expect, it } from "vitest";
import { runTraining } from "@/lib/train/run-training";
import { modelDocumentSchema, type ModelDocument } from "@/lib/train/model-document";
import { predictFromDocument } from "@/lib/train/predict";
import { buildLayerNet, sequenceShaper } from "@/lib/train/models/neural-net";
import { buildFeatureLayout } from "@/lib/train/feature-layout";
import { trainingConfigSchema, type ModelResult } from "@/lib/train/training-config";
import { createSeededRandom } from "@/lib/train/seeded-random";
import { selectWasmBackend } from "@/server/train/tensorflow-backend";

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const random = createSeededRandom(11);
const n = 500;
/** A sine with a 12-hour period plus noise: the naive forecast lags, a net can learn the phase. */
const noisySine = {
  time: Float64Array.from({ length: n }, (_, i) => T0 + i * H),
  values: Float64Array.from({ length: n }, (_, i) => 5 * Math.sin((2 * Math.PI * i) / 12) + (random() - 0.5)),
};

const configFor = (models: unknown[]) =>
  trainingConfigSchema.parse({
    version: 1,
    inputs: [{ file: "s.csv", column: "v", startHours: -11, endHours: 0 }],
    outputs: [{ file: "s.csv", column: "v", startHours: 1, endHours: 3 }],
    steps: { inputSteps: 12, outputSteps: 3, stepMinutes: 60 },
    scaling: "standard",
    models,
  });

const small = { layers: 1, units: 16, epochs: 15, learningRate: 0.01, batchSize: 32, patience: 3, seed: 3 };

beforeAll(async () => {
  await selectWasmBackend();
});

async function train(models: unknown[]): Promise<{ results: ModelResult[]; documents: ModelDocument[] }> {
  const documents: ModelDocument[] = [];
  const result = await runTraining(configFor(models), { inputs: [noisySine], outputs: [noisySine] }, { onModel: (d) => void documents.push(d) });
  return { results: result.models, documents };
}

describe("neural nets", () => {
  it("dense, cnn and lstm beat naive on a noisy sine", async () => {
    const { results } = await train([
      { kind: "naive" },
      { kind: "dense", ...small },
      { kind: "cnn", ...small, units: 8, epochs: 8, kernelSize: 3 },
      { kind: "lstm", ...small, units: 8, epochs: 5, activation: "tanh" },
    ]);
    const naiveMae = results[0].test.MAE as number;
    for (const net of results.slice(1)) {
      expect(net.test.MAE as number, net.kind).toBeLessThan(naiveMae);
      expect(net.epochsRun).toBeGreaterThan(0);
    }
  }, 30_000);

  it("repeats exactly with the same seed, and its document predicts the same", async () => {
    const first = await train([{ kind: "dense", ...small, epochs: 3 }]);
    const second = await train([{ kind: "dense", ...small, epochs: 3 }]);
    expect(second.results[0].test).toEqual(first.results[0].test);
    const document = modelDocumentSchema.parse(JSON.parse(JSON.stringify(first.documents[0])));
    const forecasts = await predictFromDocument(document, [noisySine]);
    expect(forecasts.values.rows).toBe(n - 11);
    expect(Number.isFinite(forecasts.values.data[0])).toBe(true);
    const again = await predictFromDocument(document, [noisySine]);
    expect(Array.from(again.values.data)).toEqual(Array.from(forecasts.values.data));
  });

  it("starts from a zero output layer and shapes sequences as steps × channels", () => {
    const layout = buildFeatureLayout(configFor([{ kind: "cnn" }]));
    const { model } = buildLayerNet({ kind: "cnn", ...small, kernelSize: 3, activation: "relu" }, layout);
    expect(model.inputs[0].shape).toEqual([null, 12, 1]);
    const last = model.getWeights().at(-2)!;
    expect(Array.from(last.dataSync()).every((v) => v === 0)).toBe(true);
  });

  it("puts window-form time features on their step and repeats reference-time ones", () => {
    const config = trainingConfigSchema.parse({
      version: 1,
      inputs: [{ file: "s.csv", column: "v", startHours: -1, endHours: 0 }],
      outputs: [{ file: "s.csv", column: "v", startHours: 1, endHours: 1 }],
      steps: { inputSteps: 2, outputSteps: 1, stepMinutes: 60 },
      timeFeatures: { day: true, holidays: { country: "DE" }, form: "window" },
      models: [{ kind: "lstm" }],
    });
    const layout = buildFeatureLayout(config);
    // row: v@-1h, v@0h, d_sin@-1h, d_cos@-1h, d_sin@0h, d_cos@0h, h
    const row = { rows: 1, cols: 7, data: Float64Array.from([10, 11, 0.1, 0.2, 0.3, 0.4, 1]) };
    const sequence = sequenceShaper(layout)(row);
    expect(sequence.shape).toEqual([1, 2, 4]);
    expect(Array.from(sequence.dataSync())).toEqual([10, 0.1, 0.2, 1, 11, 0.3, 0.4, 1].map((v) => Math.fround(v)));
  });

  it("can be cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runTraining(configFor([{ kind: "dense", ...small }]), { inputs: [noisySine], outputs: [noisySine] }, { signal: controller.signal }),
    ).rejects.toThrow();
  });
});
