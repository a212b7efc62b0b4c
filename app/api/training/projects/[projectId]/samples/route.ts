import { jsonError, withUser } from "@/server/http/route-handler";
import { previewOwnProjectSamples } from "@/server/train/sample-preview";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The samples the project's saved settings make: counts, distributions, a few drawn samples (422 with a message while the settings are incomplete). */
export const GET = withUser(async (request, user) => {
  const projectId = decodeURIComponent(new URL(request.url).pathname.split("/")[4] ?? "");
  const outcome = await previewOwnProjectSamples(user, projectId);
  if (outcome.kind === "not-found") return jsonError(404, "Project not found.");
  if (outcome.kind === "invalid") return jsonError(422, outcome.error);
  return Response.json(outcome.preview, { headers: { "Cache-Control": "private, no-store" } });
});
