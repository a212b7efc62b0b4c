import "server-only";
import { z } from "zod";
import { modelResultSchema } from "@/lib/train/training-config";
import type { TrainingResume } from "@/lib/train/run-training";
import type { BlobStore } from "@/server/storage/blob-store";
import { trainingCheckpointBlobKey } from "@/server/storage/blob-store";

const savedWeightSchema = z.object({ shape: z.array(z.number().int().nonnegative()), base64: z.string() });

/**
 * What a training run's attempts have finished, stored beside its model files: each trained
 * model (its result and files) and the latest epoch checkpoint of the neural model after them.
 * A retried job reads it and goes on from there instead of training everything again.
 */
export const trainingCheckpointSchema = z.object({
  models: z.array(z.object({ position: z.number().int().positive(), modelBlobKey: z.string(), forecastsBlobKey: z.string(), result: modelResultSchema })),
  net: z
    .object({
      position: z.number().int().positive(),
      checkpoint: z.object({
        epoch: z.number().int().nonnegative(),
        weights: z.array(savedWeightSchema),
        bestWeights: z.array(savedWeightSchema).nullable(),
        best: z.number().nullable(),
        sinceBest: z.number().int().nonnegative(),
        optimizer: z.array(savedWeightSchema),
      }),
    })
    .optional(),
});
export type TrainingCheckpoint = z.infer<typeof trainingCheckpointSchema>;

/** The run's checkpoint, or null when there is none (a first attempt) or it cannot be read as one. */
export async function readTrainingCheckpoint(store: BlobStore, runId: string): Promise<TrainingCheckpoint | null> {
  const bytes = await store.get(trainingCheckpointBlobKey(runId)).catch(() => null);
  if (!bytes) return null;
  try {
    const parsed = trainingCheckpointSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Replaces the run's checkpoint (the store writes a temporary file and renames it: never half a checkpoint). */
export async function writeTrainingCheckpoint(store: BlobStore, runId: string, checkpoint: TrainingCheckpoint): Promise<void> {
  await store.put(trainingCheckpointBlobKey(runId), [new TextEncoder().encode(JSON.stringify(checkpoint))]);
}

export function resumeOf(checkpoint: TrainingCheckpoint): TrainingResume {
  return { models: checkpoint.models.map((model) => model.result), ...(checkpoint.net ? { net: checkpoint.net } : {}) };
}
