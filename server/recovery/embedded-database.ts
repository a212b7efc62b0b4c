import "server-only";
import { existsSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { utcStamp } from "@/lib/recovery/backup-file-name";
import { DataFolderInUseError, type DataFolderOwner } from "@/server/db/data-folder-lock";
import { openPgliteDatabase, type PgliteDatabase } from "@/server/db/pglite-database";
import { latestBackup, type BackupFile } from "./backups";
import { commandFor } from "./recovery-commands";

/** The embedded database cannot be used as it is; the message says why and the way back. */
export class DatabaseUnavailableError extends Error {}

export interface EmbeddedDatabaseSettings {
  dataDir: string;
  dbDir: string;
  backupsDir: string;
  /** Who opens it, as the folder's lock tells a second process. */
  owner?: DataFolderOwner;
}

const DAMAGED = ".damaged-";

function wayBack(settings: EmbeddedDatabaseSettings, backup: BackupFile | null): string {
  if (!backup) return `there is no backup: to start with an empty database, run ${commandFor(settings.dataDir, "db:restore -- --empty")}`;
  return `the latest backup is ${backup.file} (taken ${backup.takenAt.toISOString()}): restore it with ${commandFor(settings.dataDir, "db:restore")}`;
}

/** Database folders set aside earlier, newest first. */
async function setAsideFolders(dbDir: string): Promise<string[]> {
  const prefix = `${path.basename(dbDir)}${DAMAGED}`;
  const names = await readdir(path.dirname(dbDir)).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith(prefix)).sort().reverse().map((name) => path.join(path.dirname(dbDir), name));
}

/**
 * Opens the embedded database for the server. A folder that cannot be opened is renamed to
 * `db.damaged-<UTC time>` exactly as it was, and the error names the latest backup and the
 * restore command. A fresh database is made only where there never was one: when the
 * folder is missing but backups or a damaged folder are there, an empty database would
 * silently replace the user's data, so start-up stops and says how to restore instead.
 */
export async function openEmbeddedDatabase(settings: EmbeddedDatabaseSettings, now = new Date()): Promise<PgliteDatabase> {
  const { dbDir } = settings;
  if (!existsSync(dbDir)) {
    const [damaged] = await setAsideFolders(dbDir);
    const backup = await latestBackup(settings.backupsDir);
    if (damaged || backup) {
      const kept = damaged ? `, a damaged one is kept in ${damaged}` : "";
      throw new DatabaseUnavailableError(`there is no database in ${dbDir}${kept}, and ${wayBack(settings, backup)}${backup ? ` (or start an empty database with ${commandFor(settings.dataDir, "db:restore -- --empty")})` : ""}.`);
    }
    return openPgliteDatabase(dbDir, { owner: settings.owner });
  }
  const lockFile = path.join(dbDir, "postmaster.pid");
  const hadLockFile = existsSync(lockFile);
  try {
    const db = await openPgliteDatabase(dbDir, { owner: settings.owner });
    try {
      await db.asService((sql) => sql.query("select count(*) from pg_catalog.pg_class"));
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    return db;
  } catch (error) {
    // Another process holds the folder: its database is in use, not damaged. Touch nothing.
    if (error instanceof DataFolderInUseError) throw error;
    // The failed attempt leaves only its own lock file behind: remove it, so that the folder set aside is the one that failed.
    if (!hadLockFile) await rm(lockFile, { force: true });
    const aside = `${dbDir}${DAMAGED}${utcStamp(now)}`;
    const backup = await latestBackup(settings.backupsDir);
    try {
      await rename(dbDir, aside);
    } catch (error) {
      throw new DatabaseUnavailableError(`the database in ${dbDir} cannot be opened (its files are damaged), and it could not be moved aside (${error instanceof Error ? error.message : String(error)}); move it away yourself, then ${wayBack(settings, backup)}.`);
    }
    throw new DatabaseUnavailableError(`the database in ${dbDir} cannot be opened (its files are damaged); it has been moved aside untouched to ${aside}, and ${wayBack(settings, backup)}.`);
  }
}
