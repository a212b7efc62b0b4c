import { invertScaler, applyScaler } from "./scalers";
import { selectRows, type Matrix } from "./matrix";
import { computeMetrics, metricsByAveraging, metricsByStep } from "./metrics";
import { MODEL_DOCUMENT_FORMAT, serialiseScaler, type ModelDocument } from "./model-document";
import type { ModelContext, ModelRuntime, TrainingProgress } from "./models/model";
import type { NetCheckpoint } from "./models/net-training";
import { checkModelConfigs, trainModel } from "./models/train-model";
import { prepareSamples, type TrainingSeries } from "./prepare-samples";
import type { ModelResult, TrainingConfig, TrainingResult } from "./training-config";

/**
 * Trains every model of a config and evaluates it as the contract says: metrics on the
 * validation and test parts in original units, on the test part in scaled units, per
 * output step and averaged over 1…12 steps. Pure computation: the caller loads the series
 * and stores what comes back; `signal` cancels between models, epochs and batches.
 */
export interface TrainingOptions {
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress) => void;
  /** Called once per trained model with its document and test forecasts (for saving them) before the next starts. */
  onModel?: (document: ModelDocument, result: ModelResult, test: TestForecasts) => void | Promise<void>;
  /** Libraries loaded by the environment (libsvm-js for `svr`). */
  runtime?: ModelRuntime;
  /** Epoch-ms clock for `createdAt`; injected so that results can be reproduced exactly. */
  now?: () => number;
  /** What an earlier, interrupted attempt finished: its models are kept, not trained again; the next goes on from `net`. */
  resume?: TrainingResume;
  /** After every epoch of a neural model: `take` makes a checkpoint, for the caller to store when one is due. */
  onNetCheckpoint?: (position: number, epoch: number, take: () => Promise<NetCheckpoint>) => Promise<void>;
}

export interface TrainingResume {
  /** The results of the first models of the config, in order, as onModel received them. */
  models: ModelResult[];
  /** The checkpoint of the model after them, when one was taken. */
  net?: { position: number; checkpoint: NetCheckpoint };
}

/** The data and settings leave nothing to train on. */
export class TrainingDataError extends Error {}

/** The test part as the model saw it: reference times (in the order of the split) and outputs in original units. */
export interface TestForecasts {
  referenceTime: Float64Array;
  actual: Matrix;
  forecast: Matrix;
}

export async function runTraining(config: TrainingConfig, series: TrainingSeries, options: TrainingOptions = {}): Promise<TrainingResult> {
  const { signal, onProgress } = options;
  checkModelConfigs(config);
  const prepared = prepareSamples(config, series, signal);
  const { layout, split, inputScaler, outputScaler } = prepared;
  if (split.train.length === 0) {
    throw new TrainingDataError(
      `no training samples: ${prepared.candidates} reference times, ${prepared.skipped} skipped for a missing value, ${split.dropped} left out by the split; check the series' windows, the steps and the split`,
    );
  }
  const scaledInputs = applyScaler(prepared.inputs, inputScaler);
  const scaledOutputs = applyScaler(prepared.outputs, outputScaler);
  const part = (rows: Uint32Array) => ({ inputs: selectRows(scaledInputs, rows), outputs: selectRows(scaledOutputs, rows) });
  const data = { train: part(split.train), validation: part(split.validation) };
  const test = part(split.test);
  const original = {
    validation: selectRows(prepared.outputs, split.validation),
    test: selectRows(prepared.outputs, split.test),
  };
  const testReferenceTime = Float64Array.from(split.test, (row) => prepared.referenceTime[row]);
  const blocks = layout.outputSeries.map((block) => ({ offset: block.offset, steps: block.steps }));
  const kept = options.resume?.models ?? [];
  const models: ModelResult[] = kept.slice(0, config.models.length);
  const startAt = models.length;
  for (let index = startAt; index < config.models.length; index++) {
    const modelConfig = config.models[index];
    const position = index + 1;
    const label = `${position}:${modelConfig.kind}`;
    const resumeNet = options.resume?.net?.position === position ? options.resume.net.checkpoint : undefined;
    const note = resumeNet ? `resumed after epoch ${resumeNet.epoch}` : index === startAt && startAt > 0 ? `resumed after ${startAt} trained model(s)` : "training";
    onProgress?.({ model: label, position, message: note });
    const context: ModelContext = {
      layout,
      inputScaler,
      outputScaler,
      runtime: options.runtime,
      signal,
      onProgress: (p) => onProgress?.({ ...p, model: label, position }),
      checkpoint: { resume: resumeNet, save: options.onNetCheckpoint && ((epoch, take) => options.onNetCheckpoint!(position, epoch, take)) },
    };
    const started = performance.now();
    const trained = await trainModel(modelConfig, context, data);
    const fitSeconds = (performance.now() - started) / 1000;
    signal?.throwIfAborted();
    const unscaled = (predicted: Matrix) => invertScaler(predicted, outputScaler);
    const testPredicted = trained.predict(test.inputs);
    const testForecast = unscaled(testPredicted);
    const result: ModelResult = {
      ...modelConfig,
      fitSeconds,
      ...(trained.epochsRun !== undefined ? { epochsRun: trained.epochsRun } : {}),
      validation: computeMetrics(original.validation, unscaled(trained.predict(data.validation.inputs))),
      test: computeMetrics(original.test, testForecast),
      testScaled: computeMetrics(test.outputs, testPredicted),
      testByStep: metricsByStep(original.test, testForecast, blocks),
      testByAveraging: metricsByAveraging(original.test, testForecast, blocks),
    };
    models.push(result);
    await options.onModel?.(
      {
        format: MODEL_DOCUMENT_FORMAT,
        version: 1,
        createdAt: new Date((options.now ?? Date.now)()).toISOString(),
        config,
        model: modelConfig,
        inputScaler: serialiseScaler(inputScaler),
        outputScaler: serialiseScaler(outputScaler),
        state: trained.state,
      },
      result,
      { referenceTime: testReferenceTime, actual: original.test, forecast: testForecast },
    );
    onProgress?.({ model: label, position, message: "done" });
  }
  return {
    samples: {
      train: split.train.length,
      validation: split.validation.length,
      test: split.test.length,
      skipped: prepared.skipped,
      dropped: split.dropped,
    },
    features: { inputs: layout.inputWidth, outputs: layout.outputWidth },
    models,
  };
}
