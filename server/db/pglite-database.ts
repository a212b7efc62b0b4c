import "server-only";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { lockDataFolder, type DataFolderOwner } from "./data-folder-lock";
import { enterUserRole, type Database, type Sql } from "./database";

function wrap(tx: Transaction): Sql {
  return {
    async query<Row>(text: string, params?: unknown[]) {
      const result = await tx.query<Row>(text, params);
      return result.rows;
    },
    async exec(script: string) {
      await tx.exec(script);
    },
  };
}

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, persisted in a folder (or in
 * memory). A folder is locked for this process first and released when the database closes.
 */
export async function openPgliteDatabase(dir: string | null, owner: DataFolderOwner = { role: "process", port: null }): Promise<Database> {
  const lock = dir ? await lockDataFolder(dir, owner) : null;
  let db: PGlite;
  try {
    db = await PGlite.create(dir ?? undefined);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  return {
    kind: "pglite",
    asUser: (userId, work) =>
      db.transaction(async (tx) => {
        const sql = wrap(tx);
        await enterUserRole(sql, userId);
        return work(sql);
      }),
    asService: (work) => db.transaction((tx) => work(wrap(tx))),
    close: async () => {
      try {
        await db.close();
      } finally {
        await lock?.release();
      }
    },
  };
}
