import "server-only";
import type { SavedRecipeInput, SavedRecipeView } from "@/lib/contracts/saved-recipe";
import { recipeSchema } from "@/lib/process/recipe";
import type { Sql } from "@/server/db";
import { namedDocuments } from "./named-documents";

const recipes = namedDocuments("recipes", "recipe", recipeSchema);

/** The recipes visible in this transaction (RLS: the user's own), by name. */
export const listSavedRecipes: (sql: Sql) => Promise<SavedRecipeView[]> = recipes.list;

/** Saves under the name, replacing the user's recipe of the same name. */
export const saveRecipe: (sql: Sql, ownerId: string, input: SavedRecipeInput) => Promise<SavedRecipeView> = recipes.save;

export const deleteSavedRecipe: (sql: Sql, id: string) => Promise<boolean> = recipes.remove;
