import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFeatureLayout } from "@/lib/train/feature-layout";
import { createArLstm } from "@/lib/train/models/ar-lstm";
import { modelDocumentSchema, type ModelDocument } from "@/lib/train/model-document";
import { predictFromDocument } from "@/lib/train/predict";
import { runTraining } from "@/lib/train/run-training";
import { createSeededRandom } from "@/lib/train/seeded-random";
import { modelConfigSchema, trainingConfigSchema } from "@/lib/train/training-config";
import { selectWasmBackend } from "@/server/train/tensorflow-backend";

const H = 3_600_000;
const random = createSeededRandom(21);
const n = 400;
const noisySine = {
  time: Float64Array.from({ length: n }, (_, i) => i * H),
  values: Float64Array.from({ length: n }, (_, i) => 5 * Math.sin((2 * Math.PI * i) / 12) + (random() - 0.5)),
};
const arLstm = { kind: "arLstm", layers: 1, units: 8, epochs: 8, learningRate: 0.02, batchSize: 32, activation: "tanh", seed: 2 };
const config = trainingConfigSchema.parse({
  version: 1,
  inputs: [{ file: "s.csv", column: "v", startHours: -11, endHours: 0 }],
  outputs: [{ file: "s.csv", column: "v", startHours: 1, endHours: 3 }],
  steps: { inputSteps: 12, outputSteps: 3, stepMinutes: 60 },
  scaling: "standard",
  models: [{ kind: "naive" }, arLstm],
});

beforeAll(async () => {
  await selectWasmBackend();
});

describe("arLstm", () => {
  it("beats naive on a noisy sine, and its document predicts the same again", async () => {
    const documents: ModelDocument[] = [];
    const result = await runTraining(config, { inputs: [noisySine], outputs: [noisySine] }, { onModel: (d) => void documents.push(d) });
    const [naive, ar] = result.models;
    expect(ar.test.MAE as number).toBeLessThan(naive.test.MAE as number);
    const document = modelDocumentSchema.parse(JSON.parse(JSON.stringify(documents[1])));
    const first = await predictFromDocument(document, [noisySine]);
    const again = await predictFromDocument(document, [noisySine]);
    expect(Array.from(again.values.data)).toEqual(Array.from(first.values.data));
    expect(first.values.cols).toBe(3);
  }, 20_000);

  it("feeds each predicted step back into the decoder: its feedback weights change step 2 but not step 1", () => {
    const layout = buildFeatureLayout(config);
    const net = createArLstm(modelConfigSchema.parse(arLstm) as Parameters<typeof createArLstm>[0], layout);
    // weights: encoder kernel, bias; decoder kernel (row 0 reads the fed-back step), bias; head kernel, bias
    const [encoderKernel, encoderBias, decoderKernel, decoderBias, headKernel, headBias] = net.getWeights().map((w) => w.clone());
    const x = tf.randomNormal([2, 12, 1], 0, 1, "float32", 4);
    net.setWeights([encoderKernel, encoderBias, decoderKernel, decoderBias, tf.fill(headKernel.shape, 0.3), tf.ones(headBias.shape)]);
    const withFeedback = net.predict(x).dataSync();
    const rowZeroCut = tf.concat([tf.zeros([1, decoderKernel.shape[1] as number]), decoderKernel.slice([1, 0], [-1, -1])], 0);
    net.setWeights([encoderKernel, encoderBias, rowZeroCut, decoderBias, tf.fill(headKernel.shape, 0.3), tf.ones(headBias.shape)]);
    const withoutFeedback = net.predict(x).dataSync();
    expect(withoutFeedback[0]).toBeCloseTo(withFeedback[0], 6);
    expect(Math.abs(withoutFeedback[1] - withFeedback[1])).toBeGreaterThan(1e-4);
  });
});
