import * as tf from "@tensorflow/tfjs";
import type { FeatureLayout } from "../feature-layout";
import type { ModelConfig } from "../training-config";
import type { ModelContext, TrainedModel, TrainingData } from "./model";
import { sequenceShape, sequenceShaper, type NetState } from "./neural-net";
import { loadWeights, predictNetwork, saveWeights, trainNetwork, type TrainableNet } from "./net-training";

/**
 * A truly autoregressive LSTM (the original's "AR LSTM" was a plain LSTM): an encoder of
 * `layers` stacked LSTM cells reads the input sequence; a head turns its state into the
 * first output step (one value per output series); a decoder of `layers` cells, starting
 * from the encoder's state, then takes each predicted step as its next input and predicts
 * the following one. Training runs the same feedback loop (no teacher forcing), so the
 * model learns from its own forecasts, as it will be used.
 */
export type ArLstmConfig = Extract<ModelConfig, { kind: "arLstm" }>;

type Cell = { kernel: tf.Variable; bias: tf.Variable };

function activationFunction(name: ArLstmConfig["activation"]): (t: tf.Tensor) => tf.Tensor {
  switch (name) {
    case "relu":
      return tf.relu;
    case "sigmoid":
      return tf.sigmoid;
    case "tanh":
      return tf.tanh;
    case "softmax":
      return (t) => tf.softmax(t);
    default:
      return (t) => t;
  }
}

function glorot(shape: [number, number], seed: number): tf.Variable {
  const limit = Math.sqrt(6 / (shape[0] + shape[1]));
  return tf.variable(tf.randomUniform(shape, -limit, limit, "float32", seed));
}

/** An LSTM cell's weights; the forget gate's bias starts at 1 (as Keras' unit_forget_bias). */
function createCell(inputSize: number, units: number, seed: number): Cell {
  const bias = new Float32Array(4 * units);
  bias.fill(1, units, 2 * units);
  return { kernel: glorot([inputSize + units, 4 * units], seed), bias: tf.variable(tf.tensor1d(bias)) };
}

export function createArLstm(config: ArLstmConfig, layout: FeatureLayout): TrainableNet {
  const { channels } = sequenceShape(layout);
  const series = layout.outputSeries.length;
  const horizon = layout.outputSeries[0]?.steps ?? 1;
  const units = config.units;
  const activation = activationFunction(config.activation);
  const encoder = Array.from({ length: config.layers }, (_, l) => createCell(l === 0 ? channels : units, units, config.seed + l));
  const decoder = Array.from({ length: config.layers }, (_, l) => createCell(l === 0 ? series : units, units, config.seed + 100 + l));
  const head = { kernel: tf.variable(tf.zeros([units, series])), bias: tf.variable(tf.zeros([series])) };
  const variables = [...encoder.flatMap((c) => [c.kernel, c.bias]), ...decoder.flatMap((c) => [c.kernel, c.bias]), head.kernel, head.bias];
  const optimizer = tf.train.adam(config.learningRate);

  const step = (cell: Cell, input: tf.Tensor, h: tf.Tensor, c: tf.Tensor): [tf.Tensor, tf.Tensor] => {
    const gates = tf.add(tf.matMul(tf.concat([input, h], 1) as tf.Tensor2D, cell.kernel as tf.Tensor2D), cell.bias);
    const [i, f, g, o] = tf.split(gates, 4, 1);
    const nextC = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), activation(g)));
    return [tf.mul(tf.sigmoid(o), activation(nextC)), nextC];
  };
  const stack = (cells: Cell[], input: tf.Tensor, h: tf.Tensor[], c: tf.Tensor[]): tf.Tensor => {
    let signal = input;
    cells.forEach((cell, l) => {
      [h[l], c[l]] = step(cell, signal, h[l], c[l]);
      signal = h[l];
    });
    return signal;
  };
  const readOut = (state: tf.Tensor) => tf.add(tf.matMul(state as tf.Tensor2D, head.kernel as tf.Tensor2D), head.bias);

  /** (n, steps, channels) → (n, series · horizon), series-major like the output layout. */
  const forward = (x: tf.Tensor): tf.Tensor => {
    const n = x.shape[0];
    const h = Array.from({ length: config.layers }, () => tf.zeros([n, units]));
    const c = Array.from({ length: config.layers }, () => tf.zeros([n, units]));
    let top = h[h.length - 1];
    for (const input of tf.unstack(x, 1)) top = stack(encoder, input, h, c);
    let prediction = readOut(top);
    const steps = [prediction];
    for (let k = 1; k < horizon; k++) {
      prediction = readOut(stack(decoder, prediction, h, c));
      steps.push(prediction);
    }
    return tf.reshape(tf.stack(steps, 2), [n, series * horizon]);
  };

  return {
    optimizer,
    async trainEpoch(x, y, batchSize, signal) {
      const n = x.shape[0];
      let total = 0;
      for (let start = 0; start < n; start += batchSize) {
        if (signal?.aborted) break;
        const size = Math.min(batchSize, n - start);
        const loss = optimizer.minimize(
          () => {
            const xb = tf.slice(x, [start, 0, 0], [size, -1, -1]);
            const yb = tf.slice(y, [start, 0], [size, -1]);
            return tf.losses.meanSquaredError(yb, forward(xb)) as tf.Scalar;
          },
          true,
          variables,
        );
        if (loss) {
          total += loss.dataSync()[0] * size;
          loss.dispose();
        }
        // Let the event loop deliver an abort (e.g. a worker message) between batches.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return total / n;
    },
    predict: (x) => tf.tidy(() => forward(x)),
    getWeights: () => variables,
    setWeights: (weights) => variables.forEach((variable, i) => variable.assign(weights[i])),
  };
}

export async function trainArLstm(config: ArLstmConfig, context: ModelContext, data: TrainingData): Promise<TrainedModel<NetState>> {
  const net = createArLstm(config, context.layout);
  const shape = sequenceShaper(context.layout);
  const { epochsRun } = await trainNetwork(net, shape, data, config, context);
  return { state: { weights: saveWeights(net) }, epochsRun, predict: (inputs) => predictNetwork(net, shape, inputs, context.layout.outputWidth) };
}

export function restoreArLstm(config: ArLstmConfig, context: Pick<ModelContext, "layout">, state: NetState): TrainedModel<NetState> {
  const net = createArLstm(config, context.layout);
  const shape = sequenceShaper(context.layout);
  loadWeights(net, state.weights);
  return { state, predict: (inputs) => predictNetwork(net, shape, inputs, context.layout.outputWidth) };
}
