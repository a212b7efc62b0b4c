import "server-only";
import { existsSync } from "node:fs";
import { readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { backupTakenAt, utcStamp } from "@/lib/recovery/backup-file-name";
import type { Database } from "@/server/db/database";
import { migrate } from "@/server/db/migrate";
import { openPgliteDatabase } from "@/server/db/pglite-database";
import { latestBackup } from "./backups";
import { databaseInUse } from "./database-in-use";
import { commandFor } from "./recovery-commands";

/** The tables whose row counts say what a restore brought back. */
export const MAIN_TABLES = ["uploads", "datasets", "jobs", "import_profiles", "recipes", "training_projects", "training_runs", "trained_models"] as const;

export class RestoreError extends Error {}

export interface RestoreSettings {
  dataDir: string;
  dbDir: string;
  backupsDir: string;
}

export interface RestoreResult {
  /** The backup restored, or null for a new empty database. */
  file: string | null;
  takenAt: Date | null;
  /** Where the database that was in place is kept, if there was one. */
  previous: string | null;
  rowCounts: Record<(typeof MAIN_TABLES)[number], number>;
}

export async function countRows(db: Database): Promise<RestoreResult["rowCounts"]> {
  const select = MAIN_TABLES.map((table) => `(select count(*)::int from ${table}) as ${table}`).join(", ");
  const [row] = await db.asService((sql) => sql.query<RestoreResult["rowCounts"]>(`select ${select}`));
  return row;
}

/**
 * Puts a backup (the latest, or `from`) in place of the embedded database, or a new empty
 * database when `empty`. The backup is unpacked and migrated in a folder beside the database
 * first; only when that worked is the current folder renamed aside (never deleted) and the
 * new one renamed into its place, so a failed restore changes nothing.
 */
export async function restoreDatabase(settings: RestoreSettings, request: { from?: string; empty?: boolean }, now = new Date()): Promise<RestoreResult> {
  const busy = await databaseInUse(settings.dbDir);
  if (busy) throw new RestoreError(busy);
  const backup = request.empty ? null : request.from ? { file: path.resolve(request.from), takenAt: backupTakenAt(path.basename(request.from)) } : await latestBackup(settings.backupsDir);
  if (!request.empty && !backup) {
    throw new RestoreError(`there is no backup in ${settings.backupsDir}: name one with --from FILE, or start an empty database with ${commandFor(settings.dataDir, "db:restore -- --empty")}`);
  }
  let tarball: Blob | undefined;
  if (backup) {
    try {
      tarball = new Blob([new Uint8Array(await readFile(backup.file))]);
    } catch (error) {
      throw new RestoreError(`cannot read ${backup.file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error)}`);
    }
  }
  const stamp = utcStamp(now);
  const staging = `${settings.dbDir}.restoring-${stamp}`;
  let rowCounts: RestoreResult["rowCounts"];
  try {
    const db = await openPgliteDatabase(staging, { loadDataDir: tarball });
    try {
      await migrate(db);
      rowCounts = await countRows(db);
    } finally {
      await db.close();
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new RestoreError(backup ? `${backup.file} is not a usable Chronoframe backup (${reason}); nothing was changed` : `could not make an empty database (${reason})`);
  }
  const previous = existsSync(settings.dbDir) ? `${settings.dbDir}.before-restore-${stamp}` : null;
  if (previous) await rename(settings.dbDir, previous);
  await rename(staging, settings.dbDir);
  return { file: backup?.file ?? null, takenAt: backup?.takenAt ?? null, previous, rowCounts };
}
