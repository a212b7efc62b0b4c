import { database } from "@/server/db";
import { listDatasets } from "@/server/datasets/dataset-records";
import { withUser } from "@/server/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The signed-in user's imported datasets, newest first. */
export const GET = withUser(async (_request, user) => {
  const db = await database();
  const datasets = await db.asUser(user.id, (sql) => listDatasets(sql));
  return Response.json({ datasets }, { headers: { "Cache-Control": "no-store" } });
});
