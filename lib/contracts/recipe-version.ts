import { z } from "zod";
import { recipeSchema } from "@/lib/process/recipe";
import { deriveRequestSchema } from "./dataset-derivation";

/** POST /api/datasets/<id>/versions: run a recipe on the dataset into a new version (the JSON twin of deriveDataset). */
export const recipeVersionRequestSchema = z.strictObject(
  { name: deriveRequestSchema.shape.name, recipe: recipeSchema },
  { error: 'expected a JSON object like {"name": "…", "recipe": {"version": 1, "steps": […]}}' },
);
export type RecipeVersionRequest = z.infer<typeof recipeVersionRequestSchema>;

/** 202 answer: the version to be made and the job making it (follow it at /api/jobs/<jobId>). */
export interface RecipeVersionStarted {
  datasetId: string;
  jobId: string;
}
