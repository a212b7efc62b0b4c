import "server-only";
import { config } from "@/server/config";
import { migrate } from "./migrate";
import { openPostgresDatabase } from "./postgres-database";
import { openPgliteDatabase } from "./pglite-database";

/** `npm run db:migrate`: applies pending migrations to the configured database. */
async function main(): Promise<void> {
  const { database } = config();
  // An embedded folder another process holds is refused before anything in it is opened.
  const db = database.kind === "postgres" ? openPostgresDatabase(database.url, { max: 1 }) : await openPgliteDatabase(database.dir, { owner: { role: "db:migrate", port: null } });
  try {
    const applied = await migrate(db);
    process.stdout.write(applied.length ? `applied: ${applied.join(", ")}\n` : "database is up to date\n");
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`db:migrate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
