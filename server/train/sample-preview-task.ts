import "server-only";
import { z } from "zod";
import { samplePreviewConfigSchema, type SamplePreview } from "@/lib/contracts/training-project";
import { featureDistributions } from "@/lib/train/feature-distributions";
import { UnknownHolidayRegionError } from "@/lib/train/holidays";
import { modelProblems } from "@/lib/train/model-problems";
import { prepareSamples } from "@/lib/train/prepare-samples";
import { sampleExamples, spreadIndices } from "@/lib/train/sample-examples";
import { summariseSamples } from "@/lib/train/sample-summary";
import type { SeriesWindow } from "@/lib/train/training-config";
import { loadDatasetFrame } from "@/server/datasets/dataset-frames";
import type { Task } from "@/server/jobs/task-types";
import { columnSeries, TrainingSeriesError } from "./load-training-series";

export const SAMPLE_PREVIEW_TASK = "training-sample-preview";

/** The checked settings and the blob of each dataset the series read (the caller checked they are the user's). */
export const samplePreviewPayloadSchema = z.object({
  config: samplePreviewConfigSchema,
  datasets: z.record(z.string(), z.object({ name: z.string(), blobKey: z.string() })),
});
export type SamplePreviewPayload = z.input<typeof samplePreviewPayloadSchema>;

const EXAMPLES = 6;

/**
 * Builds every sample of the settings over the whole datasets, in a worker thread: the
 * counts per part and why samples were skipped, each feature's distribution over the
 * training part, and a few samples drawn on their series.
 */
export const samplePreviewTask: Task = async (payload) => {
  const { config, datasets } = samplePreviewPayloadSchema.parse(payload);
  const load = async (series: SeriesWindow, where: string) => {
    const dataset = datasets[series.datasetId ?? ""];
    if (!dataset) throw new TrainingSeriesError(`${where}.datasetId: choose one of your datasets`);
    return columnSeries(await loadDatasetFrame(dataset.blobKey), series.column, where, dataset.name);
  };
  try {
    const series = {
      inputs: await Promise.all(config.inputs.map((one, i) => load(one, `inputs.${i}`))),
      outputs: await Promise.all(config.outputs.map((one, i) => load(one, `outputs.${i}`))),
    };
    const prepared = prepareSamples({ ...config, models: [] }, series);
    const preview: SamplePreview = {
      summary: summariseSamples(config, prepared),
      features: { inputs: prepared.layout.inputWidth, outputs: prepared.layout.outputWidth },
      distributions: featureDistributions(prepared),
      examples: sampleExamples(series, prepared, spreadIndices(prepared.referenceTime.length, EXAMPLES)),
      modelProblems: modelProblems(config, config.models),
    };
    return { ok: true, result: preview };
  } catch (error) {
    if (error instanceof TrainingSeriesError || error instanceof UnknownHolidayRegionError) return { ok: false, userMessage: error.message };
    throw error;
  }
};
