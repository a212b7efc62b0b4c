import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { buildFeatureLayout } from "@/lib/train/feature-layout";
import { identityScaler } from "@/lib/train/scalers";
import { layersNet, loadWeights, saveWeights, trainNetwork, type NetCheckpoint, type TrainableNet } from "@/lib/train/models/net-training";
import type { TrainingProgress } from "@/lib/train/models/model";
import { trainingConfigSchema } from "@/lib/train/training-config";

const layout = buildFeatureLayout(
  trainingConfigSchema.parse({
    version: 1,
    inputs: [{ file: "a.csv", column: "v", startHours: 0, endHours: 0 }],
    outputs: [{ file: "a.csv", column: "v", startHours: 1, endHours: 1 }],
    steps: { inputSteps: 1, outputSteps: 1, stepMinutes: 60 },
    models: [{ kind: "dense" }],
  }),
);
const samples = { inputs: { rows: 4, cols: 1, data: new Float64Array(4) }, outputs: { rows: 4, cols: 1, data: new Float64Array(4) } };

/** A stand-in net whose single weight is the epoch count and whose prediction is a scripted level per epoch. */
function scriptedNet(levels: number[]): TrainableNet & { epochs: number } {
  let weight: tf.Tensor = tf.scalar(0);
  const net = {
    epochs: 0,
    optimizer: tf.train.adam(0.01),
    async trainEpoch() {
      net.epochs++;
      weight.dispose();
      weight = tf.scalar(net.epochs);
      return 1;
    },
    predict: (x: tf.Tensor) => tf.fill([x.shape[0], 1], Math.sqrt(levels[weight.dataSync()[0] - 1])),
    getWeights: () => [weight],
    setWeights: (weights: tf.Tensor[]) => {
      weight = weights[0].clone();
    },
  };
  return net;
}

const options = { epochs: 10, batchSize: 2, learningRate: 0.01, patience: 2, seed: 1 };

describe("trainNetwork", () => {
  it("stops after `patience` epochs without a better validation loss and restores the best weights", async () => {
    // validation losses by epoch: 0.5, 0.3, 0.4, 0.6, 0.1 → stops after epoch 4, keeps epoch 2
    const net = scriptedNet([0.5, 0.3, 0.4, 0.6, 0.1]);
    const progress: TrainingProgress[] = [];
    const context = { layout, inputScaler: identityScaler(1), outputScaler: identityScaler(1), onProgress: (p: TrainingProgress) => progress.push(p) };
    const { epochsRun } = await trainNetwork(net, (m) => tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols]), { train: samples, validation: samples }, options, context);
    expect(epochsRun).toBe(4);
    expect(net.getWeights()[0].dataSync()[0]).toBe(2);
    expect(progress.map((p) => p.validationLoss)).toEqual([0.5, 0.3, 0.4, 0.6].map((v) => expect.closeTo(v, 6)));
    expect(progress[0]).toMatchObject({ epoch: 1, epochs: 10, loss: 1 });
  });

  it("trains all epochs when there is no validation part", async () => {
    const net = scriptedNet([1, 1, 1]);
    const empty = { inputs: { rows: 0, cols: 1, data: new Float64Array(0) }, outputs: { rows: 0, cols: 1, data: new Float64Array(0) } };
    const context = { layout, inputScaler: identityScaler(1), outputScaler: identityScaler(1) };
    const { epochsRun } = await trainNetwork(net, (m) => tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols]), { train: samples, validation: empty }, { ...options, epochs: 3 }, context);
    expect(epochsRun).toBe(3);
  });

  it("saves and loads weights bit for bit", () => {
    const values = Float32Array.from([1.5, -2.25, 3e-8, 7]);
    let stored = [tf.tensor(values, [2, 2])];
    const saved = saveWeights({ getWeights: () => stored });
    stored = [];
    loadWeights({ setWeights: (w) => (stored = w.map((t) => t.clone())) }, JSON.parse(JSON.stringify(saved)));
    expect(stored[0].shape).toEqual([2, 2]);
    expect(Array.from(stored[0].dataSync())).toEqual(Array.from(values));
  });

  it("goes on from an epoch checkpoint exactly as an uninterrupted training would", async () => {
    const rows = 24;
    const inputs = { rows, cols: 2, data: Float64Array.from({ length: rows * 2 }, (_, i) => Math.sin(i)) };
    const outputs = { rows, cols: 1, data: Float64Array.from({ length: rows }, (_, i) => inputs.data[2 * i] - 0.5 * inputs.data[2 * i + 1]) };
    const data = { train: { inputs, outputs }, validation: { inputs, outputs } };
    const shape = (m: { rows: number; cols: number; data: Float64Array }) => tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols]);
    const build = () => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [2], activation: "tanh", kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }), tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) })] });
      return layersNet(model, 0.05);
    };
    const settings = { ...options, epochs: 8, patience: 8, batchSize: 6 };
    const base = { layout, inputScaler: identityScaler(1), outputScaler: identityScaler(1) };

    const straight = build();
    await trainNetwork(straight, shape, data, settings, base);

    const checkpoints: NetCheckpoint[] = [];
    const interrupted = build();
    const stopAfterFour = new AbortController();
    const first = trainNetwork(interrupted, shape, data, settings, {
      ...base,
      signal: stopAfterFour.signal,
      checkpoint: {
        save: async (epoch, take) => {
          checkpoints.push(JSON.parse(JSON.stringify(await take())) as NetCheckpoint);
          if (epoch === 4) stopAfterFour.abort();
        },
      },
    });
    // The abort stops the fifth epoch, which is never saved.
    await expect(first).rejects.toThrow();
    const resumedProgress: TrainingProgress[] = [];
    const resumed = build();
    const { epochsRun } = await trainNetwork(resumed, shape, data, settings, { ...base, onProgress: (p) => resumedProgress.push(p), checkpoint: { resume: checkpoints[3] } });

    expect(checkpoints[3].epoch).toBe(4);
    expect(checkpoints[3].optimizer.length).toBeGreaterThan(1);
    expect(epochsRun).toBe(8);
    expect(resumedProgress.map((p) => p.epoch)).toEqual([5, 6, 7, 8]);
    expect(resumedProgress[0].resumedFromEpoch).toBe(4);
    const expected = straight.getWeights().flatMap((w) => Array.from(w.dataSync()));
    const actual = resumed.getWeights().flatMap((w) => Array.from(w.dataSync()));
    expect(actual).toHaveLength(expected.length);
    actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 5));
  });
});
