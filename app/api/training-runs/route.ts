import { projectRunsQuerySchema } from "@/lib/contracts/training-run";
import { jsonError, withUser } from "@/server/http/route-handler";
import { listOwnProjectRuns } from "@/server/train/training-access";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** ?projectId=…: the project's training runs, newest first, the latest with its trained models. */
export const GET = withUser(async (request, user) => {
  const { projectId } = projectRunsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const runs = await listOwnProjectRuns(user, projectId);
  if (!runs) return jsonError(404, "Project not found.");
  return Response.json(runs, { headers: { "Cache-Control": "no-store" } });
});
