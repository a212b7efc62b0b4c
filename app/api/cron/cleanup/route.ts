import { timingSafeEqual } from "node:crypto";
import { config } from "@/server/config";
import { database } from "@/server/db";
import { jsonError } from "@/server/http/route-handler";
import { cleanUpUploads } from "@/server/uploads/cleanup";
import { uploadStore } from "@/server/uploads/upload-store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function bearerMatches(request: Request, secret: string): boolean {
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The scheduled cleanup (Vercel cron sends `Authorization: Bearer $CRON_SECRET`). */
export async function GET(request: Request): Promise<Response> {
  const secret = config().cronSecret;
  if (!secret) return jsonError(404, "No cleanup schedule is configured here; the server cleans up by itself.");
  if (!bearerMatches(request, secret)) return jsonError(401, "Wrong or missing cron secret.");
  const report = await cleanUpUploads(await database(), uploadStore());
  return Response.json(report);
}
