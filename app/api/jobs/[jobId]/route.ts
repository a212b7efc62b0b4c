import { jobIdSchema } from "@/lib/contracts/job-view";
import { database } from "@/server/db";
import { jsonError, withUser } from "@/server/http/route-handler";
import { findJobDetail } from "@/server/jobs/job-detail";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One of the user's jobs as it is now (another user's, or an unknown id: 404). */
export const GET = withUser(async (request, user) => {
  const id = jobIdSchema.safeParse(decodeURIComponent(new URL(request.url).pathname.split("/")[3] ?? ""));
  if (!id.success) return jsonError(404, "Job not found.");
  const db = await database();
  const found = await db.asUser(user.id, (sql) => findJobDetail(sql, id.data));
  if (!found) return jsonError(404, "Job not found.");
  return Response.json(found.job, { headers: { "Cache-Control": "private, no-store" } });
});
