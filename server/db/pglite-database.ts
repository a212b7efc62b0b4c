import "server-only";
import { mkdir } from "node:fs/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
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

/** The embedded database: PostgreSQL compiled to WebAssembly, persisted in a folder (or in memory). */
export async function openPgliteDatabase(dir: string | null): Promise<Database> {
  if (dir) await mkdir(dir, { recursive: true });
  const db = await PGlite.create(dir ?? undefined);
  return {
    kind: "pglite",
    asUser: (userId, work) =>
      db.transaction(async (tx) => {
        const sql = wrap(tx);
        await enterUserRole(sql, userId);
        return work(sql);
      }),
    asService: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  };
}
