import { uploadListSchema } from "@/lib/contracts/upload-view";
import { database } from "@/server/db";
import { withUser } from "@/server/http/route-handler";
import { listUploadViews } from "@/server/uploads/upload-records";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The signed-in user's uploaded files with their latest job, newest first. */
export const GET = withUser(async (_request, user) => {
  const db = await database();
  const uploads = await db.asUser(user.id, (sql) => listUploadViews(sql));
  return Response.json(uploadListSchema.parse({ uploads }), { headers: { "Cache-Control": "no-store" } });
});
