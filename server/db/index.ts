import "server-only";
import { config } from "@/server/config";
import type { Database } from "./database";
import { openEmbeddedDatabase } from "@/server/recovery/embedded-database";
import { migrate } from "./migrate";
import { openPostgresDatabase } from "./postgres-database";

const DATABASE = Symbol.for("chronoframe.database");
type Holder = typeof globalThis & { [DATABASE]?: Promise<Database> };

async function open(): Promise<Database> {
  const { database, dataDir, backups } = config();
  if (database.kind === "postgres") return openPostgresDatabase(database.url);
  // Embedded mode owns its database: bring the schema up to date before the first use.
  const db = await openEmbeddedDatabase({ dataDir, dbDir: database.dir, backupsDir: backups.dir });
  await migrate(db);
  return db;
}

/** The process-wide database; Next.js bundles modules per route, so it lives on globalThis. */
export function database(): Promise<Database> {
  const holder = globalThis as Holder;
  holder[DATABASE] ??= open().catch((error: unknown) => {
    delete holder[DATABASE];
    throw error;
  });
  return holder[DATABASE];
}

export type { Database, Sql } from "./database";
