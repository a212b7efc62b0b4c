import * as tf from "@tensorflow/tfjs";
import type { FeatureLayout } from "../feature-layout";
import type { Matrix } from "../matrix";
import type { ModelConfig } from "../training-config";
import type { ModelContext, TrainedModel, TrainingData } from "./model";
import { layersNet, loadWeights, predictNetwork, saveWeights, trainNetwork, type InputShaper, type SavedWeight } from "./net-training";

/**
 * The original's networks on TensorFlow.js, every initializer seeded:
 * - dense: the flat sample row → `layers` × Dense(units) → Dense(outputs);
 * - cnn: the input windows as a sequence (steps × series, time features repeated as extra
 *   channels) → `layers` × Conv1D(units, kernelSize, same padding) → Flatten → Dense(outputs);
 * - lstm: the same sequence → `layers` × LSTM(units), the last returning its final state → Dense(outputs).
 * The output layer starts at zero, as in the original.
 */
export type LayerNetConfig = Extract<ModelConfig, { kind: "dense" | "cnn" | "lstm" }>;

export interface NetState {
  weights: SavedWeight[];
}

type Activation = "relu" | "sigmoid" | "tanh" | "linear" | "softmax";

function activationOf(config: LayerNetConfig): Activation {
  return config.activation === "none" ? "linear" : config.activation;
}

/**
 * Steps × channels of the input windows: all input series share `inputSteps`; time features
 * of the "window" form are per-step channels, the others are repeated at every step.
 */
export function sequenceShape(layout: FeatureLayout): { steps: number; channels: number } {
  const steps = layout.inputSeries[0]?.steps ?? 1;
  const constant = layout.timeFeatures.length - layout.timeFeaturesPerStep * steps;
  return { steps, channels: layout.inputSeries.length + layout.timeFeaturesPerStep + constant };
}

export function sequenceShaper(layout: FeatureLayout): InputShaper {
  const { steps, channels } = sequenceShape(layout);
  const perStep = layout.timeFeaturesPerStep;
  const constantFrom = layout.timeFeatureOffset + perStep * steps;
  const constant = layout.inputWidth - constantFrom;
  return (inputs: Matrix) => {
    const out = new Float32Array(inputs.rows * steps * channels);
    for (let r = 0; r < inputs.rows; r++) {
      const row = r * inputs.cols;
      for (let k = 0; k < steps; k++) {
        let at = (r * steps + k) * channels;
        for (const block of layout.inputSeries) out[at++] = inputs.data[row + block.offset + k];
        for (let f = 0; f < perStep; f++) out[at++] = inputs.data[row + layout.timeFeatureOffset + k * perStep + f];
        for (let f = 0; f < constant; f++) out[at++] = inputs.data[row + constantFrom + f];
      }
    }
    return tf.tensor3d(out, [inputs.rows, steps, channels]);
  };
}

export function flatShaper(inputs: Matrix): tf.Tensor {
  return tf.tensor2d(Float32Array.from(inputs.data), [inputs.rows, inputs.cols]);
}

export function buildLayerNet(config: LayerNetConfig, layout: FeatureLayout): { model: tf.Sequential; shape: InputShaper } {
  const activation = activationOf(config);
  const seeded = (i: number) => tf.initializers.glorotUniform({ seed: config.seed + i });
  const model = tf.sequential();
  let shape: InputShaper = flatShaper;
  if (config.kind === "dense") {
    for (let i = 0; i < config.layers; i++) {
      model.add(tf.layers.dense({ ...(i === 0 ? { inputShape: [layout.inputWidth] } : {}), units: config.units, activation, kernelInitializer: seeded(i) }));
    }
  } else {
    const { steps, channels } = sequenceShape(layout);
    shape = sequenceShaper(layout);
    for (let i = 0; i < config.layers; i++) {
      const inputShape = i === 0 ? { inputShape: [steps, channels] } : {};
      if (config.kind === "cnn") {
        model.add(tf.layers.conv1d({ ...inputShape, filters: config.units, kernelSize: config.kernelSize, padding: "same", activation, kernelInitializer: seeded(i) }));
      } else {
        model.add(
          tf.layers.lstm({
            ...inputShape,
            units: config.units,
            activation,
            returnSequences: i < config.layers - 1,
            kernelInitializer: seeded(i),
            recurrentInitializer: tf.initializers.orthogonal({ seed: config.seed + 100 + i, gain: 1 }),
          }),
        );
      }
    }
    if (config.kind === "cnn") model.add(tf.layers.flatten());
  }
  model.add(tf.layers.dense({ units: layout.outputWidth, kernelInitializer: "zeros" }));
  return { model, shape };
}

/**
 * Runs `train` on the CPU backend when the active one lacks a gradient the net needs (the
 * WASM backend has no Conv2DBackpropFilter, so CNNs train on the CPU there and predict on WASM).
 */
async function onBackendWithGradients<T>(config: LayerNetConfig, train: () => Promise<T>): Promise<T> {
  const active = tf.getBackend();
  if (config.kind !== "cnn" || tf.getKernel("Conv2DBackpropFilter", active) || active === "cpu") return train();
  await tf.setBackend("cpu");
  try {
    return await train();
  } finally {
    await tf.setBackend(active);
  }
}

export async function trainLayerNet(config: LayerNetConfig, context: ModelContext, data: TrainingData): Promise<TrainedModel<NetState>> {
  const { net, shape, epochsRun } = await onBackendWithGradients(config, async () => {
    const { model, shape } = buildLayerNet(config, context.layout);
    const net = layersNet(model, config.learningRate);
    return { net, shape, ...(await trainNetwork(net, shape, data, config, context)) };
  });
  return {
    state: { weights: saveWeights(net) },
    epochsRun,
    predict: (inputs) => predictNetwork(net, shape, inputs, context.layout.outputWidth),
  };
}

export function restoreLayerNet(config: LayerNetConfig, context: Pick<ModelContext, "layout">, state: NetState): TrainedModel<NetState> {
  const { model, shape } = buildLayerNet(config, context.layout);
  const net = layersNet(model, config.learningRate);
  loadWeights(net, state.weights);
  return { state, predict: (inputs) => predictNetwork(net, shape, inputs, context.layout.outputWidth) };
}
