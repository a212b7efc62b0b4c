import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Frame } from "@/lib/series/frame";
import type { TrainingConfigInput } from "@/lib/train/training-config";
import { loadConfig } from "@/server/config/load-config";
import type { Database } from "@/server/db/database";
import { openPgliteDatabase, isPgliteDatabase, type PgliteDatabase } from "@/server/db/pglite-database";
import { saveRecipe } from "@/server/datasets/saved-recipes";
import { startDerivation } from "@/server/datasets/start-derivation";
import { jobHandlers } from "@/server/jobs/job-kinds-registry";
import { latestBackup, listBackups, writeBackup } from "@/server/recovery/backups";
import { MAIN_TABLES } from "@/server/recovery/restore";
import { blobStore } from "@/server/storage/blob-store";
import { startTrainingJob } from "@/server/train/start-training";
import { inProcessApp } from "../support/in-process-app";
import { finishedJob } from "../support/jobs";
import { runServerScript } from "../support/npm-script";
import { seedDataset } from "../support/seed-datasets";

/** The tests start real processes (tsx, PGlite, the app): generous for a loaded machine. */
const SLOW = 600_000;

const OWNER = { id: "aaaaaaaa-7777-4aaa-8aaa-aaaaaaaaaaaa", email: null };
const T0 = Date.UTC(2024, 0, 1);
const QUARTER = 15 * 60_000;

/** A week of 15-min outdoor temperature and heating load that follows it. */
function building(): Frame {
  const n = 7 * 96;
  const temperature = Float64Array.from({ length: n }, (_, i) => 5 + 6 * Math.sin((2 * Math.PI * i) / 96));
  return {
    time: Float64Array.from({ length: n }, (_, i) => T0 + i * QUARTER),
    columns: [
      { name: "temperature", values: temperature },
      { name: "load", values: Float64Array.from(temperature, (t, i) => 40 - 2 * t + (i % 7) * 0.1) },
    ],
  };
}

/** Every row of the main tables, as JSON text, in id order. */
async function allRows(db: Database): Promise<Record<string, string>> {
  const rows: Record<string, string> = {};
  for (const table of MAIN_TABLES) {
    const [row] = await db.asService((sql) => sql.query<{ rows: string }>(`select coalesce(json_agg(t order by t.id)::text, '[]') as rows from ${table} t`));
    rows[table] = row.rows;
  }
  return rows;
}

/** The sha-256 of every file under the folder, by relative path. */
async function fileHashes(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = createHash("sha256").update(await readFile(file)).digest("hex");
  }
  return hashes;
}

/**
 * Backups and `npm run db:restore` on the embedded database of a data folder filled by the
 * server's own functions (an imported dataset, a recipe version, a saved recipe, a trained
 * run): the backup is taken while the app runs, the database is changed and then damaged,
 * and the restore brings back every row, with every file still found.
 */
describe("backup and restore of the embedded database", () => {
  const app = inProcessApp("backup", jobHandlers);
  const backupsDir = () => path.join(app.dataDir, "backups");
  const pglite = (): PgliteDatabase => {
    if (!isPgliteDatabase(app.db)) throw new Error("the embedded database is PGlite");
    return app.db;
  };

  it("reads the schedule from the environment, checked like every setting", () => {
    const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: "production", ...env } as NodeJS.ProcessEnv);
    expect(load({}).backups).toMatchObject({ intervalMs: 6 * 3600_000, keep: 5 });
    expect(load({ CHRONOFRAME_DATA_DIR: "/d", BACKUP_INTERVAL_HOURS: "0.5", BACKUP_KEEP: "2" }).backups).toEqual({ dir: "/d/backups", intervalMs: 1_800_000, keep: 2 });
    expect(() => load({ BACKUP_INTERVAL_HOURS: "often" })).toThrow(/BACKUP_INTERVAL_HOURS/);
    expect(() => load({ BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP/);
  });

  it("backs up datasets, recipes and a trained model, and restores every row over a changed and damaged database", async () => {
    const sourceId = await seedDataset(app.db, blobStore(), { ownerId: OWNER.id, name: "building.csv", frame: building() });
    const recipe = { version: 1 as const, steps: [{ op: "limits" as const, min: -10 }] };
    await app.db.asUser(OWNER.id, (sql) => saveRecipe(sql, OWNER.id, { name: "Plausible", recipe }));
    const derived = await startDerivation(OWNER, { name: "building cleaned", derivation: { kind: "recipe", sourceId, recipe } });
    if (!derived.ok) throw new Error(derived.error);
    expect((await finishedJob(app.db, derived.jobId)).status).toBe("succeeded");
    const config: TrainingConfigInput = {
      version: 1,
      inputs: [
        { datasetId: sourceId, column: "temperature", startHours: -2, endHours: 0 },
        { datasetId: sourceId, column: "load", startHours: -2, endHours: 0 },
      ],
      outputs: [{ datasetId: sourceId, column: "load", startHours: 0.25, endHours: 1 }],
      steps: { inputSteps: 9, outputSteps: 4, stepMinutes: 15 },
      timeFeatures: { day: true },
      models: [{ kind: "naive" }, { kind: "linear" }],
    };
    const [project] = await app.db.asService((sql) => sql.query<{ id: string }>("insert into training_projects (owner_id, name, config) values ($1, 'heating', $2::text::jsonb) returning id::text", [OWNER.id, JSON.stringify(config)]));
    const training = await startTrainingJob(OWNER, project.id);
    if (!training.ok) throw new Error(training.error);
    expect((await finishedJob(app.db, training.jobId, 90_000)).status).toBe("succeeded");

    const before = await allRows(app.db);
    expect(JSON.parse(before.datasets)).toHaveLength(2);
    expect(JSON.parse(before.recipes)).toHaveLength(1);
    expect(JSON.parse(before.trained_models)).toHaveLength(2);
    const filesBefore = await fileHashes(path.join(app.dataDir, "files"));
    expect(Object.keys(filesBefore)).toHaveLength(2 + 4);

    // A transaction under way when the backup starts is in the backup whole or not at all.
    let inside: Promise<void> | undefined;
    const halfway = new Promise<void>((started) => {
      inside = app.db.asUser(OWNER.id, async (sql) => {
        await saveRecipe(sql, OWNER.id, { name: "Half", recipe });
        started();
        await new Promise((resolve) => setTimeout(resolve, 300));
        await saveRecipe(sql, OWNER.id, { name: "Whole", recipe });
      });
    });
    await halfway;
    const backup = await writeBackup(pglite(), { dir: backupsDir(), keep: 5 });
    await inside;
    expect(await latestBackup(backupsDir())).toEqual({ file: backup.file, takenAt: new Date(Math.floor(backup.takenAt.getTime() / 1000) * 1000) });
    expect(await readdir(backupsDir())).toEqual([path.basename(backup.file)]);

    // A restore is refused while the database is open.
    const refused = await runServerScript("server/recovery/restore-main.ts", [], app.dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^db:restore: Another Chronoframe \(pid \d+, process\) is using .*: stop it first/);

    // Change the database, close it, and damage it.
    await app.db.asService(async (sql) => {
      await sql.query("delete from recipes");
      await sql.query("delete from datasets where id = $1", [derived.datasetId]);
    });
    await app.release();
    const dbDir = path.join(app.dataDir, "db");
    await truncate(path.join(dbDir, "global", "pg_control"), 0);
    const damaged = await fileHashes(dbDir);

    const restored = await runServerScript("server/recovery/restore-main.ts", [], app.dataDir);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    const lines = restored.stdout.trim().split("\n");
    expect(lines[0]).toBe(`restored ${backup.file} (taken ${(await latestBackup(backupsDir()))!.takenAt.toISOString()}) into ${dbDir}`);
    expect(lines[1]).toMatch(new RegExp(`^the database that was there is kept in ${dbDir}\\.before-restore-\\d{8}T\\d{6}Z$`));
    expect(lines[2]).toMatch(/^rows: uploads 1, datasets 2, jobs 2, import_profiles 0, recipes (1|3), training_projects 1, training_runs 1, trained_models 2$/);

    // The damaged folder is kept as it was.
    const previous = lines[1].split(" ").pop()!;
    expect(await fileHashes(previous)).toEqual(damaged);

    const db = await openPgliteDatabase(dbDir);
    try {
      const after = await allRows(db);
      const { recipes, ...others } = after;
      const { recipes: recipesBefore, ...othersBefore } = before;
      expect(others).toEqual(othersBefore);
      const names = (JSON.parse(recipes) as { name: string }[]).map((one) => one.name);
      expect(JSON.parse(recipesBefore).map((one: { name: string }) => one.name)).toEqual(["Plausible"]);
      // All of the half-done transaction, or none of it.
      expect([["Plausible"], ["Half", "Plausible", "Whole"]]).toContainEqual(names.sort());
      // Every file the restored rows name is there, unchanged.
      const keys = await db.asService((sql) =>
        sql.query<{ key: string }>("select blob_key as key from datasets union all select model_blob_key from trained_models union all select forecasts_blob_key from trained_models"),
      );
      expect(keys).toHaveLength(6);
      for (const { key } of keys) expect(filesBefore[key]).toBeDefined();
      expect(await fileHashes(path.join(app.dataDir, "files"))).toEqual(filesBefore);
    } finally {
      await db.close();
    }
    const doctor = await runServerScript("server/recovery/doctor-main.ts", [], app.dataDir);
    expect(doctor.stdout).toContain("healthy");
    expect(doctor.code).toBe(0);
  }, SLOW);

  it("keeps the newest generations and never takes a half-written file for a backup", async () => {
    const dir = path.join(app.dataDir, "generations");
    const db = await openPgliteDatabase(path.join(app.dataDir, "db"));
    try {
      await writeBackup(db, { dir, keep: 2 }, new Date("2026-01-01T00:00:00Z"));
      // What a crash in the middle of writing leaves: a partial file, newer than every backup.
      await writeFile(path.join(dir, "db-20270101T000000Z.tar.gz.partial-0d1e"), "half");
      expect((await latestBackup(dir))?.takenAt.toISOString()).toBe("2026-01-01T00:00:00.000Z");
      await writeBackup(db, { dir, keep: 2 }, new Date("2026-01-02T00:00:00Z"));
      await writeBackup(db, { dir, keep: 2 }, new Date("2026-01-03T00:00:00Z"));
    } finally {
      await db.close();
    }
    expect((await readdir(dir)).sort()).toEqual(["db-20260102T000000Z.tar.gz", "db-20260103T000000Z.tar.gz"]);
    expect((await listBackups(dir)).map((one) => path.basename(one.file))).toEqual(["db-20260103T000000Z.tar.gz", "db-20260102T000000Z.tar.gz"]);

    const older = await runServerScript("server/recovery/restore-main.ts", ["--from", path.join(dir, "db-20260102T000000Z.tar.gz")], app.dataDir);
    expect(older.code).toBe(0);
    expect(older.stdout).toContain("restored " + path.join(dir, "db-20260102T000000Z.tar.gz") + " (taken 2026-01-02T00:00:00.000Z)");
    const notABackup = await runServerScript("server/recovery/restore-main.ts", ["--from", path.join(dir, "..", "files", "datasets")], app.dataDir);
    expect(notABackup.code).toBe(1);
    expect(notABackup.stderr).toMatch(/^db:restore: cannot read .*datasets/);
    const garbage = path.join(dir, "garbage.tar.gz");
    await writeFile(garbage, "not a tarball");
    const before = await fileHashes(path.join(app.dataDir, "db"));
    const refused = await runServerScript("server/recovery/restore-main.ts", ["--from", garbage], app.dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not a usable Chronoframe backup .*nothing was changed/);
    expect(await fileHashes(path.join(app.dataDir, "db"))).toEqual(before);
    expect((await readdir(app.dataDir)).filter((name) => name.includes("restoring"))).toEqual([]);
    expect(existsSync(path.join(app.dataDir, "db"))).toBe(true);
  }, SLOW);
});
