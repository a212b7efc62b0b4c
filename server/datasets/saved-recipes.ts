import "server-only";
import type { SavedRecipeInput, SavedRecipeView } from "@/lib/contracts/saved-recipe";
import { recipeSchema } from "@/lib/process/recipe";
import type { Sql } from "@/server/db";

interface RecipeRow {
  id: string;
  name: string;
  recipe: unknown;
  updated_at: Date | string;
}

const toView = (row: RecipeRow): SavedRecipeView => ({
  id: row.id,
  name: row.name,
  recipe: recipeSchema.parse(typeof row.recipe === "string" ? JSON.parse(row.recipe) : row.recipe),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** The recipes visible in this transaction (RLS: the user's own), by name. */
export async function listSavedRecipes(sql: Sql): Promise<SavedRecipeView[]> {
  const rows = await sql.query<RecipeRow>("select id, name, recipe, updated_at from recipes order by name");
  return rows.map(toView);
}

/** Saves under the name, replacing the user's recipe of the same name. */
export async function saveRecipe(sql: Sql, ownerId: string, input: SavedRecipeInput): Promise<SavedRecipeView> {
  const rows = await sql.query<RecipeRow>(
    `insert into recipes (owner_id, name, recipe) values ($1, $2, $3::text::jsonb)
     on conflict (owner_id, name) do update set recipe = excluded.recipe, updated_at = now()
     returning id, name, recipe, updated_at`,
    [ownerId, input.name, JSON.stringify(input.recipe)],
  );
  return toView(rows[0]);
}

export async function deleteSavedRecipe(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.query("delete from recipes where id = $1 returning id", [id]);
  return rows.length > 0;
}
