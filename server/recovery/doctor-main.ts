import "server-only";
import { existsSync } from "node:fs";
import { config } from "@/server/config";
import { migrate } from "@/server/db/migrate";
import { openPgliteDatabase } from "@/server/db/pglite-database";
import { databaseInUse } from "./database-in-use";
import { describeReport, runDoctor } from "./doctor";
import { commandFor } from "./recovery-commands";

/** Exit status: 0 healthy, 1 problems left, 2 the check could not run. */
async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const unknown = argv.filter((arg) => arg !== "--repair" && arg !== "--json");
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}; usage: npm run doctor [-- --repair] [--json]`);
  const settings = config();
  if (settings.database.kind !== "pglite") throw new Error("the doctor checks the embedded data folder; this configuration uses PostgreSQL (DATABASE_URL)");
  const dbDir = settings.database.dir;
  if (!existsSync(dbDir)) throw new Error(`there is no database in ${dbDir}`);
  const busy = await databaseInUse(dbDir);
  if (busy) throw new Error(busy);
  let db;
  try {
    db = await openPgliteDatabase(dbDir);
  } catch {
    throw new Error(`the database in ${dbDir} cannot be opened (its files are damaged): start Chronoframe to have it set aside, then restore a backup with ${commandFor(settings.dataDir, "db:restore")}`);
  }
  try {
    await migrate(db);
    const report = await runDoctor(settings.dataDir, db, { repair: argv.includes("--repair") });
    process.stdout.write((argv.includes("--json") ? JSON.stringify(report, null, 2) : describeReport(report, commandFor(settings.dataDir, "doctor -- --repair"))) + "\n");
    return report.healthy ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`doctor: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
