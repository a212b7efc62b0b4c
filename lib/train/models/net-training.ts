import * as tf from "@tensorflow/tfjs";
import { float32ToBase64, base64ToFloat32 } from "../float32-base64";
import type { Matrix } from "../matrix";
import { createSeededRandom, seededPermutation } from "../seeded-random";
import type { ModelContext, ScaledSamples, TrainingData } from "./model";

/**
 * The training loop shared by the neural nets: Adam on the mean squared error, one epoch
 * at a time over the training samples in a seeded order (so runs repeat exactly), early
 * stopping on the validation loss with `patience` epochs and the best weights restored.
 * Progress is reported per epoch; `signal` stops training between batches.
 */
export interface NetTrainingOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  seed: number;
}

export interface SavedWeight {
  shape: number[];
  base64: string;
}

/** Everything an interrupted training needs to go on after `epoch` as if it had not stopped. */
export interface NetCheckpoint {
  /** Epochs completed. */
  epoch: number;
  weights: SavedWeight[];
  bestWeights: SavedWeight[] | null;
  /** The best validation loss so far; null before the first (JSON has no Infinity). */
  best: number | null;
  sinceBest: number;
  /** The optimizer's state (Adam: iterations, first and second moments), in its own order. */
  optimizer: SavedWeight[];
}

/** Turns a scaled sample matrix into the tensor the network reads. */
export type InputShaper = (inputs: Matrix) => tf.Tensor;

/** What the loop needs from a network, whether a layers model or hand-written ops. */
export interface TrainableNet {
  /** One pass over (x, y) in the given order; resolves to the mean training loss. */
  trainEpoch(x: tf.Tensor, y: tf.Tensor, batchSize: number, signal?: AbortSignal): Promise<number>;
  predict(x: tf.Tensor): tf.Tensor;
  getWeights(): tf.Tensor[];
  setWeights(weights: tf.Tensor[]): void;
  /** The optimizer whose state a checkpoint keeps. */
  optimizer: tf.Optimizer;
}

/** A compiled tf.LayersModel as a TrainableNet. */
export function layersNet(model: tf.LayersModel, learningRate: number): TrainableNet {
  const optimizer = tf.train.adam(learningRate);
  model.compile({ optimizer, loss: "meanSquaredError" });
  return {
    optimizer,
    async trainEpoch(x, y, batchSize, signal) {
      const history = await model.fit(x, y, {
        epochs: 1,
        batchSize,
        shuffle: false,
        verbose: 0,
        callbacks: {
          onBatchEnd: () => {
            if (signal?.aborted) model.stopTraining = true;
          },
        },
      });
      return history.history.loss[0] as number;
    },
    predict: (x) => model.predict(x) as tf.Tensor,
    getWeights: () => model.getWeights(),
    setWeights: (weights) => model.setWeights(weights),
  };
}

function outputsTensor(samples: ScaledSamples): tf.Tensor2D {
  return tf.tensor2d(Float32Array.from(samples.outputs.data), [samples.outputs.rows, samples.outputs.cols]);
}

export async function trainNetwork(
  net: TrainableNet,
  shape: InputShaper,
  data: TrainingData,
  options: NetTrainingOptions,
  context: ModelContext,
): Promise<{ epochsRun: number }> {
  const x = shape(data.train.inputs);
  const y = outputsTensor(data.train);
  const hasValidation = data.validation.inputs.rows > 0;
  const validationX = hasValidation ? shape(data.validation.inputs) : null;
  const validationY = hasValidation ? outputsTensor(data.validation) : null;
  const random = createSeededRandom(options.seed);
  let best = Infinity;
  let bestWeights: tf.Tensor[] | null = null;
  let sinceBest = 0;
  let epochsRun = 0;
  const resume = context.checkpoint?.resume;
  if (resume) {
    // The epochs done drew their sample orders: draw them again so the next one is the same.
    for (let epoch = 1; epoch <= resume.epoch; epoch++) seededPermutation(data.train.inputs.rows, random);
    loadWeights(net, resume.weights);
    bestWeights = resume.bestWeights ? resume.bestWeights.map(toTensor) : null;
    best = resume.best ?? Infinity;
    sinceBest = resume.sinceBest;
    epochsRun = resume.epoch;
    const optimizerState = resume.optimizer.map(toTensor);
    await net.optimizer.setWeights(optimizerState.map((tensor, i) => ({ name: String(i), tensor })));
    tf.dispose(optimizerState);
  }
  try {
    for (let epoch = epochsRun + 1; epoch <= options.epochs; epoch++) {
      const order = tf.tensor1d(Int32Array.from(seededPermutation(data.train.inputs.rows, random)), "int32");
      const [shuffledX, shuffledY] = [tf.gather(x, order), tf.gather(y, order)];
      order.dispose();
      const loss = await net.trainEpoch(shuffledX, shuffledY, options.batchSize, context.signal);
      tf.dispose([shuffledX, shuffledY]);
      context.signal?.throwIfAborted();
      epochsRun = epoch;
      let validationLoss: number | undefined;
      if (validationX && validationY) {
        validationLoss = tf.tidy(() => tf.losses.meanSquaredError(validationY, net.predict(validationX)).dataSync()[0]);
      }
      context.onProgress?.({ model: "", epoch, epochs: options.epochs, loss, validationLoss, ...(resume ? { resumedFromEpoch: resume.epoch } : {}) });
      if (validationLoss !== undefined) {
        if (validationLoss < best) {
          best = validationLoss;
          sinceBest = 0;
          tf.dispose(bestWeights ?? []);
          bestWeights = net.getWeights().map((w) => w.clone());
        } else if (++sinceBest >= options.patience) {
          break;
        }
      }
      const kept = { best, bestWeights, sinceBest };
      await context.checkpoint?.save?.(epoch, async () => ({
        epoch,
        weights: saveWeights(net),
        bestWeights: kept.bestWeights ? kept.bestWeights.map(toSaved) : null,
        best: Number.isFinite(kept.best) ? kept.best : null,
        sinceBest: kept.sinceBest,
        optimizer: (await net.optimizer.getWeights()).map((named) => toSaved(named.tensor)),
      }));
    }
    if (bestWeights) net.setWeights(bestWeights);
  } finally {
    tf.dispose([x, y, ...(validationX ? [validationX] : []), ...(validationY ? [validationY] : []), ...(bestWeights ?? [])]);
  }
  return { epochsRun };
}

// Float32 by value: the optimizer's iteration count is an int32 scalar.
const toSaved = (weight: tf.Tensor): SavedWeight => ({ shape: weight.shape, base64: float32ToBase64(Float32Array.from(weight.dataSync())) });
const toTensor = (weight: SavedWeight): tf.Tensor => tf.tensor(base64ToFloat32(weight.base64), weight.shape);

export function saveWeights(net: Pick<TrainableNet, "getWeights">): SavedWeight[] {
  return net.getWeights().map(toSaved);
}

export function loadWeights(net: Pick<TrainableNet, "setWeights">, weights: SavedWeight[]): void {
  const tensors = weights.map(toTensor);
  net.setWeights(tensors);
  tf.dispose(tensors);
}

/** Predicts scaled outputs as a row-major matrix of doubles. */
export function predictNetwork(net: Pick<TrainableNet, "predict">, shape: InputShaper, inputs: Matrix, outputWidth: number): Matrix {
  const values = tf.tidy(() => net.predict(shape(inputs)).dataSync());
  return { rows: inputs.rows, cols: outputWidth, data: Float64Array.from(values) };
}
