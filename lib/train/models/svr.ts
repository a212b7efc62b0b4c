import { createMatrix, type Matrix } from "../matrix";
import type { ModelConfig } from "../training-config";
import { ModelConfigurationError, type ModelContext, type TrainedModel, type TrainingData } from "./model";

/**
 * ε-SVR with LIBSVM (libsvm-js, injected by the caller so that this module stays free of
 * WebAssembly loading). Kernel SVR costs O(n²) memory and more in time, so training uses
 * at most `maxTrainingSamples` samples, evenly spaced over the (time-ordered) training part.
 *
 * - `direct`: one SVR per output value (series × step), each on the whole input row.
 * - `mimo`: ONE SVR shared by all output values: each (sample, output value) pair is a
 *   training row made of the input row plus the output value's position in [0, 1] (step
 *   within the series, and the series index for several outputs), so the kernel learns how
 *   the forecast changes along the horizon. The pairs, not the samples, are capped at
 *   `maxTrainingSamples`, taken evenly over samples and positions.
 */
export type SvrConfig = Extract<ModelConfig, { kind: "svr" }>;

/** The part of libsvm-js's SVM class used here. */
export interface SvmInstance {
  train(samples: number[][], labels: number[]): void;
  predict(samples: number[][]): number[];
  serializeModel(): string;
}

export interface SvmModule {
  new (options: Record<string, unknown>): SvmInstance;
  load(serialized: string): SvmInstance;
  SVM_TYPES: { EPSILON_SVR: string };
  KERNEL_TYPES: { LINEAR: string; POLYNOMIAL: string; RBF: string; SIGMOID: string };
}

export interface SvrState {
  models: string[];
}

function requireSvm(svm: SvmModule | undefined): SvmModule {
  if (!svm) throw new ModelConfigurationError("svr needs LIBSVM: pass `svm` (libsvm-js) in the training options");
  return svm;
}

function rowsOf(matrix: Matrix, indices: ArrayLike<number>, extra = 0): number[][] {
  return Array.from(indices, (r) => {
    const row = Array.from(matrix.data.subarray(r * matrix.cols, (r + 1) * matrix.cols));
    for (let e = 0; e < extra; e++) row.push(0);
    return row;
  });
}

/** `count` indices spread evenly over 0…total−1 (all when total ≤ count). */
export function evenlySpaced(total: number, count: number): number[] {
  if (total <= count) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.floor((i * total) / count));
}

function kernelType(svm: SvmModule, kernel: SvrConfig["kernel"]): string {
  return { linear: svm.KERNEL_TYPES.LINEAR, poly: svm.KERNEL_TYPES.POLYNOMIAL, rbf: svm.KERNEL_TYPES.RBF, sigmoid: svm.KERNEL_TYPES.SIGMOID }[kernel];
}

/** Position features of output column c for mimo: step within its series, and the series. */
function positionOf(context: Pick<ModelContext, "layout">, c: number): [number, number] {
  const blocks = context.layout.outputSeries;
  const b = blocks.findIndex((block) => c >= block.offset && c < block.offset + block.steps);
  const block = blocks[b];
  return [block.steps > 1 ? (c - block.offset) / (block.steps - 1) : 0, blocks.length > 1 ? b / (blocks.length - 1) : 0];
}

export function trainSvr(config: SvrConfig, context: ModelContext, data: TrainingData, svmModule: SvmModule | undefined): TrainedModel<SvrState> {
  const svm = requireSvm(svmModule);
  const { inputs, outputs } = data.train;
  const q = outputs.cols;
  const options = {
    type: svm.SVM_TYPES.EPSILON_SVR,
    kernel: kernelType(svm, config.kernel),
    cost: config.C,
    epsilon: config.epsilon,
    degree: config.degree,
    quiet: true,
    ...(config.gamma !== undefined ? { gamma: config.gamma } : {}),
  };
  const models: string[] = [];
  if (config.mode === "direct") {
    const chosen = evenlySpaced(inputs.rows, config.maxTrainingSamples);
    const samples = rowsOf(inputs, chosen);
    for (let c = 0; c < q; c++) {
      context.signal?.throwIfAborted();
      const model = new svm(options);
      model.train(samples, chosen.map((r) => outputs.data[r * q + c]));
      models.push(model.serializeModel());
      context.onProgress?.({ model: "", message: `output ${c + 1}/${q}` });
    }
  } else {
    const pairs = evenlySpaced(inputs.rows * q, config.maxTrainingSamples);
    const samples: number[][] = [];
    const labels: number[] = [];
    for (const pair of pairs) {
      const r = Math.floor(pair / q);
      const c = pair % q;
      samples.push([...inputs.data.subarray(r * inputs.cols, (r + 1) * inputs.cols), ...positionOf(context, c)]);
      labels.push(outputs.data[r * q + c]);
    }
    context.signal?.throwIfAborted();
    const model = new svm(options);
    model.train(samples, labels);
    models.push(model.serializeModel());
  }
  return restoreSvr(config, context, { models }, svm);
}

export function restoreSvr(config: SvrConfig, context: Pick<ModelContext, "layout">, state: SvrState, svmModule: SvmModule | undefined): TrainedModel<SvrState> {
  const svm = requireSvm(svmModule);
  const models = state.models.map((serialized) => svm.load(serialized));
  const q = context.layout.outputWidth;
  return {
    state,
    predict(inputs) {
      const out = createMatrix(inputs.rows, q);
      const all = Array.from({ length: inputs.rows }, (_, r) => r);
      if (config.mode === "direct") {
        const samples = rowsOf(inputs, all);
        models.forEach((model, c) => model.predict(samples).forEach((v, r) => (out.data[r * q + c] = v)));
        return out;
      }
      const samples = rowsOf(inputs, all, 2);
      const p = inputs.cols;
      for (let c = 0; c < q; c++) {
        const [step, series] = positionOf(context, c);
        for (const row of samples) {
          row[p] = step;
          row[p + 1] = series;
        }
        models[0].predict(samples).forEach((v, r) => (out.data[r * q + c] = v));
      }
      return out;
    },
  };
}
