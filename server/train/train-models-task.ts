import "server-only";
import { userSentence } from "@/lib/format/user-sentence";
import { UnknownHolidayRegionError } from "@/lib/train/holidays";
import { describeModel } from "@/lib/train/describe-model";
import { ModelConfigurationError, type TrainingProgress } from "@/lib/train/models/model";
import { forecastColumnNames } from "@/lib/train/predict";
import { runTraining, TrainingDataError } from "@/lib/train/run-training";
import { testForecastFrame } from "@/lib/train/test-forecast-frame";
import type { SeriesWindow } from "@/lib/train/training-config";
import type { Frame } from "@/lib/series/frame";
import { arrowToFrame, frameToArrow } from "@/server/datasets/arrow-frame";
import type { Task, TaskProgress } from "@/server/jobs/task-types";
import { blobStore, trainedModelBlobKeys, trainingCheckpointBlobKey, trainingRunBlobKeys } from "@/server/storage/blob-store";
import { loadLibsvm } from "./libsvm";
import { columnSeries, TrainingSeriesError } from "./load-training-series";
import { selectWasmBackend } from "./tensorflow-backend";
import { readTrainingCheckpoint, resumeOf, writeTrainingCheckpoint, type TrainingCheckpoint } from "./training-checkpoint";
import { trainModelsPayloadSchema, type TrainModelsPayload, type TrainModelsResult } from "./train-models-job";

const LOADING_SHARE = 0.05;
/** How often a neural model's epoch checkpoint is written at most: a retry repeats at most this much training. */
const NET_CHECKPOINT_EVERY_MS = 2_000;

/** Model i of n, and within it the epoch and its loss, as the job's progress. */
function trainingProgress(progress: TrainingProgress, job: TrainModelsPayload): TaskProgress {
  const count = job.config.models.length;
  const position = progress.position ?? 1;
  const model = job.config.models[position - 1];
  const within = progress.message === "done" ? 1 : progress.epoch !== undefined && progress.epochs ? progress.epoch / progress.epochs : 0;
  const parts = [`Model ${position} of ${count}: ${model ? describeModel(model) : progress.model}`];
  if (progress.epoch !== undefined) parts.push(`epoch ${progress.epoch}/${progress.epochs}`);
  if (progress.resumedFromEpoch !== undefined) parts.push(`resumed after epoch ${progress.resumedFromEpoch}`);
  if (progress.loss !== undefined) parts.push(`loss ${progress.loss.toPrecision(4)}`);
  if (progress.validationLoss !== undefined) parts.push(`validation loss ${progress.validationLoss.toPrecision(4)}`);
  if (progress.epoch === undefined && progress.message && progress.message !== "training" && progress.message !== "done") parts.push(progress.message);
  return { stage: "training", progress: LOADING_SHARE + (1 - LOADING_SHARE) * ((position - 1 + within) / count), message: parts.join(" · ") };
}

/**
 * Trains a run's models in this worker thread: reads the datasets' Arrow files, builds the
 * samples and trains model after model with `runTraining`, writing each model's document
 * (what `predict --model` reads) and its test forecasts as soon as it is trained, and a
 * checkpoint of what is finished (and of the neural model under way, every few seconds). A
 * retry after a crash goes on from that checkpoint. The rows appear when the job succeeds
 * (the handler); a failure the user must fix leaves no file behind, nor does a final failure.
 */
export const trainModelsTask: Task = async (payload, report) => {
  const job = trainModelsPayloadSchema.parse(payload);
  const store = blobStore();
  const previous = await readTrainingCheckpoint(store, job.runId);
  let checkpoint: TrainingCheckpoint = previous ?? { models: [] };
  const saved: TrainModelsResult["models"] = checkpoint.models.map(({ position, modelBlobKey, forecastsBlobKey }) => ({ position, modelBlobKey, forecastsBlobKey }));
  let lastNetCheckpoint = Date.now();
  try {
    report({ stage: "loading", progress: 0, message: "Reading the series" });
    const frames = new Map<string, Promise<Frame>>();
    const load = async (series: SeriesWindow, where: string) => {
      const dataset = series.datasetId === undefined ? undefined : job.datasets[series.datasetId];
      if (!dataset) throw new TrainingSeriesError(`${where}.datasetId: choose one of your datasets`);
      let frame = frames.get(dataset.blobKey);
      if (!frame) {
        frame = store.get(dataset.blobKey).then(arrowToFrame);
        frames.set(dataset.blobKey, frame);
      }
      return columnSeries(await frame, series.column, where, dataset.name);
    };
    const series = {
      inputs: await Promise.all(job.config.inputs.map((entry, i) => load(entry, `inputs.${i}`))),
      outputs: await Promise.all(job.config.outputs.map((entry, i) => load(entry, `outputs.${i}`))),
    };
    await selectWasmBackend();
    const svm = job.config.models.some((model) => model.kind === "svr") ? await loadLibsvm() : undefined;
    const next = Math.min(saved.length, job.config.models.length - 1);
    report({ stage: "training", progress: LOADING_SHARE, message: `Model ${next + 1} of ${job.config.models.length}: ${describeModel(job.config.models[next])}` });
    const result = await runTraining(job.config, series, {
      runtime: { svm },
      resume: previous ? resumeOf(previous) : undefined,
      onProgress: (progress) => report(trainingProgress(progress, job)),
      onModel: async (document, modelResult, test) => {
        const position = saved.length + 1;
        const keys = trainedModelBlobKeys(job.runId, position);
        await store.put(keys.model, [new TextEncoder().encode(JSON.stringify(document))]);
        await store.put(keys.forecasts, frameToArrow(testForecastFrame(test, forecastColumnNames(document))));
        const entry = { position, modelBlobKey: keys.model, forecastsBlobKey: keys.forecasts };
        saved.push(entry);
        checkpoint = { models: [...checkpoint.models, { ...entry, result: modelResult }] };
        await writeTrainingCheckpoint(store, job.runId, checkpoint);
      },
      onNetCheckpoint: async (position, _epoch, take) => {
        if (Date.now() - lastNetCheckpoint < NET_CHECKPOINT_EVERY_MS) return;
        checkpoint = { models: checkpoint.models, net: { position, checkpoint: await take() } };
        await writeTrainingCheckpoint(store, job.runId, checkpoint);
        lastNetCheckpoint = Date.now();
      },
    });
    await store.remove(trainingCheckpointBlobKey(job.runId));
    return { ok: true, result: { result, models: saved } satisfies TrainModelsResult };
  } catch (error) {
    const removeFiles = () => Promise.all(trainingRunBlobKeys(job.runId, job.config.models.length).map((key) => store.remove(key).catch(() => undefined)));
    if (error instanceof ModelConfigurationError || error instanceof TrainingDataError || error instanceof TrainingSeriesError || error instanceof UnknownHolidayRegionError) {
      await removeFiles();
      return { ok: false, userMessage: userSentence(error.message) };
    }
    if ((error as NodeJS.ErrnoException)?.code === "ENOENT") {
      await removeFiles();
      return { ok: false, userMessage: "A dataset of this project is no longer stored: choose another one." };
    }
    // A crash is retried and goes on from the checkpoint; the handler removes the files if it never succeeds.
    throw error;
  }
};
