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

/** The embedded database, which can also copy itself whole for a backup. */
export interface PgliteDatabase extends Database {
  readonly kind: "pglite";
  /** The data directory as a gzipped tarball (what `loadDataDir` restores). */
  dumpDataDir(): Promise<Blob>;
}

export function isPgliteDatabase(db: Database): db is PgliteDatabase {
  return db.kind === "pglite" && "dumpDataDir" in db;
}

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, persisted in a folder (or in
 * memory); `loadDataDir` fills a new folder from a tarball `dumpDataDir` made. A folder is
 * locked for this process first (DataFolderInUseError when another holds it) and released
 * when the database closes.
 */
export async function openPgliteDatabase(
  dir: string | null,
  options: { owner?: DataFolderOwner; loadDataDir?: Blob } = {},
): Promise<PgliteDatabase> {
  const lock = dir ? await lockDataFolder(dir, options.owner ?? { role: "process", port: null }) : null;
  let db: PGlite;
  try {
    db = await PGlite.create(dir ?? undefined, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
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
    // Inside a transaction no other transaction is half-done, and after the checkpoint the
    // files hold every committed change: the copy needs no WAL replay to be complete.
    dumpDataDir: () =>
      db.transaction(async (tx) => {
        await tx.exec("checkpoint");
        return db.dumpDataDir("gzip");
      }),
    close: async () => {
      try {
        await db.close();
      } finally {
        await lock?.release();
      }
    },
  };
}
