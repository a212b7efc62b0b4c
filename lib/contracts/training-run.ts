import { z } from "zod";
import { modelResultSchema, trainingResultSchema } from "@/lib/train/training-config";

/** What the browser knows of training runs and their trained models. */

export const trainingRunIdSchema = z.string().uuid({ message: "not a training run id" });
export const trainedModelIdSchema = z.string().uuid({ message: "not a trained model id" });

export const trainingRunStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "cancelled"]);
export type TrainingRunStatus = z.infer<typeof trainingRunStatusSchema>;

export const trainedModelViewSchema = z.object({
  id: z.string(),
  /** 1-based place in the run's config. */
  position: z.number().int(),
  result: modelResultSchema,
});
export type TrainedModelView = z.infer<typeof trainedModelViewSchema>;

export const trainingRunSummarySchema = z.object({
  id: z.string(),
  projectId: z.string(),
  jobId: z.string().nullable(),
  status: trainingRunStatusSchema,
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** How many models the run's config trains. */
  modelCount: z.number().int(),
});
export type TrainingRunSummary = z.infer<typeof trainingRunSummarySchema>;

export const trainingRunViewSchema = trainingRunSummarySchema.extend({
  samples: trainingResultSchema.shape.samples.nullable(),
  features: trainingResultSchema.shape.features.nullable(),
  /** The columns a dataset needs for the run's models to forecast from it. */
  inputColumns: z.array(z.string()),
  models: z.array(trainedModelViewSchema),
});
export type TrainingRunView = z.infer<typeof trainingRunViewSchema>;

/** A project's runs, newest first, the latest with its models. */
export const projectRunsSchema = z.object({
  runs: z.array(trainingRunSummarySchema),
  latest: trainingRunViewSchema.nullable(),
});
export type ProjectRuns = z.infer<typeof projectRunsSchema>;

export const projectRunsQuerySchema = z.object({ projectId: z.string().uuid({ message: "not a project id" }) });

/** The answer of the startTrainingRun server action. */
export type StartTrainingResult = { ok: true; runId: string; jobId: string } | { ok: false; error: string };

/** One test sample's forecast (`sample`, 0-based in time order) or one output step over the test period (`step`, 1-based). */
export const forecastChartQuerySchema = z.union([
  z.strictObject({ sample: z.coerce.number().int().min(0) }),
  z.strictObject({ step: z.coerce.number().int().min(1) }),
]);
export type ForecastChartQuery = z.infer<typeof forecastChartQuerySchema>;

export const MAX_FORECAST_CHART_POINTS = 2000;

/** Per output series: [target time (UTC ms), actual, forecast], null = missing. */
export const forecastChartSchema = z.object({
  samples: z.number().int(),
  steps: z.number().int(),
  /** The chosen sample's reference time (sample view). */
  referenceTime: z.number().nullable(),
  series: z.array(z.object({ name: z.string(), points: z.array(z.tuple([z.number(), z.number().nullable(), z.number().nullable()])) })),
});
export type ForecastChart = z.infer<typeof forecastChartSchema>;
