import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Why the embedded database in `dbDir` must not be touched now, or null when no server has
 * it open. PGlite keeps `postmaster.pid` in the folder while it is open and removes it on
 * close; opening the folder a second time succeeds even while a server uses it, so trying to
 * open would not tell. Restore and doctor ask this one function.
 */
export async function databaseInUse(dbDir: string): Promise<string | null> {
  const marker = path.join(dbDir, "postmaster.pid");
  if (!existsSync(marker)) return null;
  return `a Chronoframe server has the database in ${dbDir} open: stop it first (if none is running, the last one stopped without closing the database: remove ${marker})`;
}
