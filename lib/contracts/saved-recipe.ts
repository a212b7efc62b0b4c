import { z } from "zod";
import { recipeSchema, type Recipe } from "@/lib/process/recipe";

/** A recipe saved by name, to run again on other datasets. */
export const savedRecipeInputSchema = z.strictObject({
  name: z.string({ error: "give the recipe a name" }).trim().min(1, { error: "give the recipe a name" }).max(100, { error: "keep the name under 100 characters" }),
  recipe: recipeSchema,
});
export type SavedRecipeInput = z.infer<typeof savedRecipeInputSchema>;

export interface SavedRecipeView {
  id: string;
  name: string;
  recipe: Recipe;
  updatedAt: string;
}

export type SaveRecipeResult = { ok: true; recipe: SavedRecipeView } | { ok: false; error: string };
