import { recipeVersionRequestSchema, type RecipeVersionStarted } from "@/lib/contracts/recipe-version";
import { parseSpec, SpecError } from "@/lib/process/spec-errors";
import { datasetIdOf, findOwnDataset } from "@/server/datasets/dataset-access";
import { startDerivation } from "@/server/datasets/start-derivation";
import { jsonError, withUser } from "@/server/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Runs a recipe on one of the user's datasets into a new version: body {name, recipe}.
 * 202 {datasetId, jobId}; a bad recipe is a 400 naming the invalid field's path, and
 * nothing is queued or written.
 */
export const POST = withUser(async (request, user) => {
  const source = await findOwnDataset(user, datasetIdOf(request));
  if (!source) return jsonError(404, "Dataset not found.");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return jsonError(400, "The body is not JSON.");
  }
  let parsed;
  try {
    parsed = parseSpec(recipeVersionRequestSchema, body, "request");
  } catch (error) {
    if (error instanceof SpecError) return jsonError(400, error.message);
    throw error;
  }
  const started = await startDerivation(user, { name: parsed.name, derivation: { kind: "recipe", sourceId: source.id, recipe: parsed.recipe } });
  if (!started.ok) return jsonError(400, started.error);
  const answer: RecipeVersionStarted = { datasetId: started.datasetId, jobId: started.jobId };
  return Response.json(answer, { status: 202 });
});
