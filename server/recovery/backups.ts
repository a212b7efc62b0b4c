import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { backupFileName } from "@/lib/recovery/backup-file-name";
import { backupGenerations } from "@/lib/recovery/backup-generations";
import type { PgliteDatabase } from "@/server/db/pglite-database";

export interface BackupSettings {
  dir: string;
  intervalMs: number;
  keep: number;
}

export interface BackupFile {
  file: string;
  takenAt: Date;
}

const PARTIAL = ".partial-";

/** The complete backups in `dir`, newest first. */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return backupGenerations(names, names.length).backups.map((one) => ({ file: path.join(dir, one.name), takenAt: one.takenAt }));
}

export async function latestBackup(dir: string): Promise<BackupFile | null> {
  return (await listBackups(dir))[0] ?? null;
}

/**
 * Writes a backup of the embedded database into `dir` and removes generations beyond `keep`.
 * The tarball is written under a temporary name, flushed to disk and only then renamed: a
 * crash mid-write leaves a `.partial-` file that is never taken for a backup.
 */
export async function writeBackup(db: PgliteDatabase, settings: Pick<BackupSettings, "dir" | "keep">, now = new Date()): Promise<BackupFile & { sizeBytes: number }> {
  await mkdir(settings.dir, { recursive: true });
  const tarball = new Uint8Array(await (await db.dumpDataDir()).arrayBuffer());
  const target = path.join(settings.dir, backupFileName(now));
  const temporary = `${target}${PARTIAL}${randomUUID()}`;
  try {
    const handle = await open(temporary, "wx");
    try {
      await handle.writeFile(tarball);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const names = await readdir(settings.dir);
  // Older partial files are what crashed writes left behind; the current write is complete.
  const leftovers = names.filter((name) => name.includes(PARTIAL));
  for (const name of [...backupGenerations(names, settings.keep).prune, ...leftovers]) await rm(path.join(settings.dir, name), { force: true });
  return { file: target, takenAt: now, sizeBytes: tarball.length };
}

/** Embedded mode: a backup now when the latest is older than the interval, and again whenever one is due. */
export function scheduleBackups(db: PgliteDatabase, settings: BackupSettings): NodeJS.Timeout {
  let running = false;
  const backUpIfDue = async () => {
    if (running) return;
    running = true;
    try {
      const latest = await latestBackup(settings.dir);
      if (!latest || Date.now() - latest.takenAt.getTime() >= settings.intervalMs) await writeBackup(db, settings);
    } catch (error) {
      console.error("backup:", error);
    } finally {
      running = false;
    }
  };
  void backUpIfDue();
  return setInterval(backUpIfDue, Math.min(settings.intervalMs, 10 * 60_000)).unref();
}
