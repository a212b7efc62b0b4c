import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, truncate } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Frame } from "@/lib/series/frame";
import { LOCAL_USER } from "@/server/auth/session-user";
import { openPgliteDatabase } from "@/server/db/pglite-database";
import { listBackups, writeBackup } from "@/server/recovery/backups";
import { freePort, startAppServer } from "../support/app-server";
import { runServerScript } from "../support/npm-script";
import { seedDataset, seededDataDir } from "../support/seed-datasets";

/** The tests start real processes (tsx, PGlite, the app): generous for a loaded machine. */
const SLOW = 600_000;

const ROOT = path.resolve(__dirname, "..", "..");
const FRAME: Frame = { time: Float64Array.from([0, 1, 2], (i) => Date.UTC(2024, 0, 1) + i * 3600_000), columns: [{ name: "kWh", values: Float64Array.from([1, 2, 3]) }] };

/** `npm start` (scripts/start.mjs) on the data folder, until it exits by itself. */
async function startUntilExit(dataDir: string, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, TZ: process.env.TZ, CHRONOFRAME_DATA_DIR: dataDir, PORT: String(await freePort()) };
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.mjs")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  return { code, output };
}

async function fileHashes(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) hashes[path.relative(dir, path.join(entry.parentPath, entry.name))] = createHash("sha256").update(await readFile(path.join(entry.parentPath, entry.name))).digest("hex");
  }
  return hashes;
}

/** A data folder with one dataset whose database's control file is then cut to nothing (what makes PGlite abort). */
async function damagedDataDir(options: { backup: boolean }): Promise<string> {
  const dataDir = await seededDataDir("damaged", async (db, blobs) => {
    await seedDataset(db, blobs, { ownerId: LOCAL_USER.id, name: "meter.csv", frame: FRAME });
  });
  if (options.backup) {
    const db = await openPgliteDatabase(path.join(dataDir, "db"));
    await writeBackup(db, { dir: path.join(dataDir, "backups"), keep: 5 });
    await db.close();
  }
  await truncate(path.join(dataDir, "db", "global", "pg_control"), 0);
  return dataDir;
}

describe("start-up with a damaged embedded database", () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  }, SLOW);

  it("stops with one plain sentence, keeps the damaged folder aside untouched, and never starts an empty database by itself", async () => {
    const dataDir = await damagedDataDir({ backup: false });
    folders.push(dataDir);
    const before = await fileHashes(path.join(dataDir, "db"));

    const first = await startUntilExit(dataDir);
    expect(first.code).toBe(1);
    const message = first.output.split("\n").find((line) => line.startsWith("Chronoframe cannot start:"));
    expect(message).toMatch(/^Chronoframe cannot start: the database in .*\/db cannot be opened \(its files are damaged\); it has been moved aside untouched to .*\/db\.damaged-\d{8}T\d{6}Z, and there is no backup: to start with an empty database, run `CHRONOFRAME_DATA_DIR=.* npm run db:restore -- --empty`\.$/);
    const [aside] = (await readdir(dataDir)).filter((name) => name.startsWith("db.damaged-"));
    expect(existsSync(path.join(dataDir, "db"))).toBe(false);
    expect(await fileHashes(path.join(dataDir, aside))).toEqual(before);

    // The next start does not make an empty database in its place either.
    const second = await startUntilExit(dataDir);
    expect(second.code).toBe(1);
    expect(second.output).toContain(`Chronoframe cannot start: there is no database in ${path.join(dataDir, "db")}, a damaged one is kept in ${path.join(dataDir, aside)}, and there is no backup`);
    expect(existsSync(path.join(dataDir, "db"))).toBe(false);
    expect(await fileHashes(path.join(dataDir, aside))).toEqual(before);

    // On request, an empty database; the damaged folder stays.
    const empty = await runServerScript("server/recovery/restore-main.ts", ["--empty"], dataDir);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain("started an empty database");
    expect(await fileHashes(path.join(dataDir, aside))).toEqual(before);
  }, SLOW);

  it("names the latest backup and the restore command; after the restore the app starts on the data and backs it up", async () => {
    const dataDir = await damagedDataDir({ backup: true });
    folders.push(dataDir);
    const [backup] = await listBackups(path.join(dataDir, "backups"));

    const failed = await startUntilExit(dataDir);
    expect(failed.code).toBe(1);
    expect(failed.output).toContain(`, and the latest backup is ${backup.file} (taken ${backup.takenAt.toISOString()}): restore it with \`CHRONOFRAME_DATA_DIR=${dataDir} npm run db:restore\`.`);

    const restored = await runServerScript("server/recovery/restore-main.ts", [], dataDir);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("rows: uploads 1, datasets 1,");

    // The backup just restored is fresh, so a start-up backup is only due with a short interval.
    const server = await startAppServer({ dataDir, env: { BACKUP_INTERVAL_HOURS: "0.0001" } });
    try {
      const response = await fetch(`${server.url}/api/datasets`);
      const { datasets } = (await response.json()) as { datasets: { name: string }[] };
      expect(datasets.map((dataset) => dataset.name)).toEqual(["meter.csv"]);
      const deadline = Date.now() + 30_000;
      while ((await listBackups(path.join(dataDir, "backups"))).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      const backups = await listBackups(path.join(dataDir, "backups"));
      expect(backups.length).toBeGreaterThanOrEqual(2);
      expect(backups[0].takenAt.getTime()).toBeGreaterThan(backup.takenAt.getTime());
    } finally {
      await server.kill();
    }
  }, SLOW);
});
