import packageJson from "@/package.json";
import { database } from "@/server/db";
import { uploadStore } from "@/server/uploads/upload-store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function probe(check: () => Promise<unknown>): Promise<"ok" | "unavailable"> {
  try {
    await check();
    return "ok";
  } catch (error) {
    console.error("health:", error);
    return "unavailable";
  }
}

/** Public liveness: database, storage and version; nothing about any user. */
export async function GET(): Promise<Response> {
  const [db, storage] = await Promise.all([
    probe(async () => (await database()).asService((sql) => sql.query("select 1"))),
    probe(() => uploadStore().check()),
  ]);
  const healthy = db === "ok" && storage === "ok";
  return Response.json(
    { status: healthy ? "ok" : "degraded", database: db, storage, version: packageJson.version },
    { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
