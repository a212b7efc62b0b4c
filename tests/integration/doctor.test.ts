import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { doctorReportSchema, type DoctorReport } from "@/lib/contracts/doctor-report";
import type { Frame } from "@/lib/series/frame";
import { openPgliteDatabase } from "@/server/db/pglite-database";
import { enqueueJob } from "@/server/jobs/job-queue";
import { datasetBlobKey, trainedModelBlobKeys } from "@/server/storage/blob-store";
import { insertUpload, setUploadStatus } from "@/server/uploads/upload-records";
import { runServerScript } from "../support/npm-script";
import { seedDataset, seededDataDir } from "../support/seed-datasets";

/** The tests start real processes (tsx, PGlite, the app): generous for a loaded machine. */
const SLOW = 600_000;

const OWNER = "ffffffff-8888-4fff-8fff-ffffffffffff";
const FRAME: Frame = { time: Float64Array.from([0, 1, 2], (i) => Date.UTC(2024, 0, 1) + i * 3600_000), columns: [{ name: "kWh", values: Float64Array.from([1, 2, 3]) }] };
const doctor = (dataDir: string, ...args: string[]) => runServerScript("server/recovery/doctor-main.ts", args, dataDir);

/**
 * `npm run doctor` on a real data folder whose files and rows were made to disagree both
 * ways, the way crashes, restores from an older backup and hand edits leave them.
 */
describe("npm run doctor", () => {
  let dataDir: string;
  const ids = { orphanUpload: randomUUID(), orphanDataset: randomUUID(), orphanRun: randomUUID(), tmp: randomUUID(), readyUpload: randomUUID(), lostDataset: "", run: randomUUID(), model: randomUUID(), complete: randomUUID(), job: "" };
  const file = (relative: string) => path.join(dataDir, relative);
  const orphans = () => [
    `files/uploads/${ids.orphanUpload}`,
    `files/uploads/${ids.orphanUpload}.json`,
    `files/datasets/${ids.orphanDataset}.arrow`,
    `files/datasets/${ids.orphanDataset}.arrow.tmp-${ids.tmp}`,
    `files/training-runs/${ids.orphanRun}/model-1.json`,
  ];

  beforeAll(async () => {
    dataDir = await seededDataDir("doctor", async (db, blobs) => {
      await seedDataset(db, blobs, { ownerId: OWNER, name: "kept.csv", frame: FRAME });
      ids.lostDataset = await seedDataset(db, blobs, { ownerId: OWNER, name: "lost.csv", frame: FRAME });
      await db.asService(async (sql) => {
        await insertUpload(sql, { id: ids.readyUpload, ownerId: OWNER, filename: "gone.csv", sizeBytes: 4, expiresAt: new Date(Date.now() + 3600_000) });
        await setUploadStatus(sql, ids.readyUpload, "ready");
        await insertUpload(sql, { id: ids.complete, ownerId: OWNER, filename: "complete.csv", sizeBytes: 8, expiresAt: new Date(Date.now() + 3600_000) });
        const [project] = await sql.query<{ id: string }>("insert into training_projects (owner_id, name) values ($1, 'p') returning id::text", [OWNER]);
        await sql.query("insert into training_runs (id, owner_id, project_id, status, config) values ($1, $2, $3, 'succeeded', '{}')", [ids.run, OWNER, project.id]);
        const keys = trainedModelBlobKeys(ids.run, 1);
        await sql.query("insert into trained_models (id, owner_id, run_id, project_id, position, kind, result, model_blob_key, forecasts_blob_key) values ($1, $2, $3, $4, 1, 'naive', '{}', $5, $6)", [ids.model, OWNER, ids.run, project.id, keys.model, keys.forecasts]);
        const job = await enqueueJob(sql, { ownerId: OWNER, kind: "check-upload", uploadId: ids.complete });
        await sql.query("update jobs set status = 'running', locked_by = 'gone', locked_until = now() - interval '1 minute' where id = $1", [job.id]);
        ids.job = job.id;
      });
    });
    await unlink(file(`files/${datasetBlobKey(ids.lostDataset)}`));
    for (const relative of orphans()) {
      await mkdir(path.dirname(file(relative)), { recursive: true });
      await writeFile(file(relative), `orphan ${relative}`);
    }
    await writeFile(file(`files/uploads/${ids.complete}`), "t,v\n1,2\n");
    await writeFile(file(`files/uploads/${ids.complete}.json`), JSON.stringify({ id: ids.complete, size: 8, offset: 0, metadata: { filename: "complete.csv" } }));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, SLOW);

  it("reports files without rows and rows without files, with status 1", async () => {
    const run = await doctor(dataDir, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const report = doctorReportSchema.parse(JSON.parse(run.stdout));
    expect(report).toMatchObject({ dataDir, healthy: false, lostAndFound: null });
    const summary = report.findings.map((finding) => [finding.kind, finding.path ?? finding.row?.id]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ...orphans().map((relative) => [relative.includes(".tmp-") ? "interrupted-write" : "orphan-file", relative]),
        ["missing-file", `files/uploads/${ids.readyUpload}`],
        ["missing-file", `files/${datasetBlobKey(ids.lostDataset)}`],
        ["missing-file", `files/${trainedModelBlobKeys(ids.run, 1).model}`],
        ["missing-file", `files/${trainedModelBlobKeys(ids.run, 1).forecasts}`],
        ["complete-upload-not-finished", `files/uploads/${ids.complete}`],
        ["expired-lease", ids.job],
      ]),
    );
    expect(summary).toHaveLength(orphans().length + 6);
    // Only reporting: everything is where it was.
    for (const relative of orphans()) expect(existsSync(file(relative))).toBe(true);

    const text = await doctor(dataDir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`problem orphan-file: files/datasets/${ids.orphanDataset}.arrow: no dataset or trained model in the database refers to this file`);
    expect(text.stdout).toContain(`10 problems left; 6 can be repaired safely with \`CHRONOFRAME_DATA_DIR=${dataDir} npm run doctor -- --repair\``);
  }, SLOW);

  it("--repair moves orphans to lost+found and marks the upload without its file failed; the rest stays reported", async () => {
    const run = await doctor(dataDir, "--repair", "--json");
    expect(run.code).toBe(1);
    const report: DoctorReport = doctorReportSchema.parse(JSON.parse(run.stdout));
    expect(report.lostAndFound).toMatch(/^lost\+found\/\d{8}T\d{6}Z$/);
    for (const relative of orphans()) {
      expect(existsSync(file(relative))).toBe(false);
      expect(await readFile(path.join(dataDir, report.lostAndFound!, relative), "utf8")).toBe(`orphan ${relative}`);
    }
    expect(report.findings.filter((finding) => finding.repaired).length).toBe(6);
    expect(report.findings.filter((finding) => finding.severity === "problem" && !finding.repaired).map((finding) => finding.row?.table)).toEqual(["datasets", "trained_models", "trained_models", "uploads"]);

    const db = await openPgliteDatabase(path.join(dataDir, "db"));
    try {
      const rows = await db.asService((sql) => sql.query<{ status: string; message: string | null }>("select status, message from uploads where id = $1", [ids.readyUpload]));
      expect(rows).toEqual([{ status: "failed", message: "The uploaded file is missing from the data folder: upload it again." }]);
      // Nothing was deleted: the dataset that lost its file is still listed.
      expect(await db.asService((sql) => sql.query("select name from datasets order by name"))).toEqual([{ name: "kept.csv" }, { name: "lost.csv" }]);
      await db.asService(async (sql) => {
        await sql.query("delete from datasets where id = $1", [ids.lostDataset]);
        await sql.query("delete from training_runs where id = $1", [ids.run]);
        await sql.query("update uploads set status = 'cancelled' where id = $1", [ids.complete]);
      });
    } finally {
      await db.close();
    }
    // What is left now is a cancelled upload's files (moved) and the expired lease (a notice): healthy afterwards.
    const last = await doctor(dataDir, "--repair");
    expect(last.code).toBe(0);
    expect(last.stdout).toContain("repaired 2 problems; nothing was deleted");
    const healthy = await doctor(dataDir);
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toContain("notice  expired-lease");
    expect(healthy.stdout).toContain("healthy: every file has its row and every row its file");
  }, SLOW);
});
