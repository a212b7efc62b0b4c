import "server-only";
import { config } from "@/server/config";
import type { Database } from "./database";
import { openEmbeddedDatabase } from "@/server/recovery/embedded-database";
import { migrate } from "./migrate";
import { openPostgresDatabase } from "./postgres-database";

const DATABASE = Symbol.for("chronoframe.database");
type Holder = typeof globalThis & { [DATABASE]?: Promise<Database> };

async function open(): Promise<Database> {
  const { database, dataDir, backups, port } = config();
  if (database.kind === "postgres") return openPostgresDatabase(database.url);
  // Embedded mode owns its database: lock the folder, then bring the schema up to date before
  // the first use. A second process is told who holds it: the web server by its port.
  const owner = process.env.NEXT_RUNTIME ? { role: "web server", port } : { role: "process", port: null };
  const db = await openEmbeddedDatabase({ dataDir, dbDir: database.dir, backupsDir: backups.dir, owner });
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

/**
 * Closes the process-wide database if it was opened, which releases an embedded folder's lock.
 * `final` (the process is stopping): later calls of database() fail instead of opening it again.
 */
export async function closeDatabase({ final = false } = {}): Promise<void> {
  const holder = globalThis as Holder;
  const opened = holder[DATABASE];
  if (final) {
    const stopped = Promise.reject(new Error("Chronoframe is stopping."));
    stopped.catch(() => undefined);
    holder[DATABASE] = stopped;
  } else {
    delete holder[DATABASE];
  }
  const db = await opened?.catch(() => null);
  await db?.close();
}

export type { Database, Sql } from "./database";
