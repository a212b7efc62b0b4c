import "server-only";
import { existsSync } from "node:fs";
import { DataFolderInUseError, lockDataFolder } from "@/server/db/data-folder-lock";

/**
 * Why the embedded database in `dbDir` must not be touched now, or null when no process holds
 * it: the folder's lock (which dies with its process) is tried and given back at once. A
 * missing folder is held by nobody. Restore and doctor ask this one function.
 */
export async function databaseInUse(dbDir: string): Promise<string | null> {
  if (!existsSync(dbDir)) return null;
  try {
    const lock = await lockDataFolder(dbDir, { role: "check", port: null });
    await lock.release();
    return null;
  } catch (error) {
    if (error instanceof DataFolderInUseError) return `${error.message}: stop it first`;
    throw error;
  }
}
