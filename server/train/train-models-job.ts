import "server-only";
import { z } from "zod";
import { trainingConfigSchema, type TrainingResult } from "@/lib/train/training-config";

export const TRAIN_MODELS_JOB = "train-models";

/**
 * What a training job carries: the run it fills, the config snapshot (validated, defaults
 * filled in) and, for each dataset the config names, its stored file and its name as the
 * user knows it — resolved under the user's RLS when the run started.
 */
export const trainModelsPayloadSchema = z.object({
  runId: z.string().uuid(),
  projectId: z.string().uuid(),
  config: trainingConfigSchema,
  datasets: z.record(z.string(), z.object({ blobKey: z.string(), name: z.string() })),
});
export type TrainModelsPayload = z.infer<typeof trainModelsPayloadSchema>;

/** What the thread hands back: the contract's result and where each model's artifacts are. */
export interface TrainModelsResult {
  result: TrainingResult;
  models: { position: number; modelBlobKey: string; forecastsBlobKey: string }[];
}
