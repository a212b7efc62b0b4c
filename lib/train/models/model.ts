import type { FeatureLayout } from "../feature-layout";
import type { Matrix } from "../matrix";
import type { ColumnScaler } from "../scalers";
import type { NetCheckpoint } from "./net-training";
import type { SvmModule } from "./svr";

/**
 * What every model gets and gives. Models work on scaled matrices (rows = samples,
 * columns as in the feature layout) and predict scaled outputs; the scalers let a model
 * move between units where it must (naive forecasts, window normalisation).
 */
export interface TrainingProgress {
  model: string;
  /** 1-based place of the model in the config's list (set by runTraining). */
  position?: number;
  epoch?: number;
  epochs?: number;
  loss?: number;
  validationLoss?: number;
  /** Set when this training went on from a checkpoint taken after that epoch. */
  resumedFromEpoch?: number;
  message?: string;
}

/**
 * A neural model's checkpoints: where a retried training goes on (`resume`), and `save`,
 * called after every epoch with a way to take one — the caller decides whether it is due.
 */
export interface NetCheckpoints {
  resume?: NetCheckpoint;
  save?: (epoch: number, take: () => Promise<NetCheckpoint>) => Promise<void>;
}

/** Libraries that must be loaded by the environment (WebAssembly) and handed in. */
export interface ModelRuntime {
  /** libsvm-js's SVM class, needed by `svr` models. */
  svm?: SvmModule;
}

export interface ModelContext {
  layout: FeatureLayout;
  runtime?: ModelRuntime;
  inputScaler: ColumnScaler;
  outputScaler: ColumnScaler;
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress) => void;
  checkpoint?: NetCheckpoints;
}

export interface ScaledSamples {
  inputs: Matrix;
  outputs: Matrix;
}

export interface TrainingData {
  train: ScaledSamples;
  validation: ScaledSamples;
}

/** A trained model: `state` is plain JSON (numbers, strings, arrays) that `restore` turns back into it. */
export interface TrainedModel<State = unknown> {
  predict(inputs: Matrix): Matrix;
  state: State;
  epochsRun?: number;
}

export class ModelConfigurationError extends Error {}
