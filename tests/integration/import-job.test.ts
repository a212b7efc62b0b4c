import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { arrowToFrame } from "@/server/datasets/arrow-frame";
import { findDataset, listDatasets } from "@/server/datasets/dataset-records";
import { ingestFile } from "@/server/ingest/ingest-file";
import { importUploadHandler } from "@/server/ingest/import-upload-handler";
import { IMPORT_UPLOAD_JOB, type ImportPayload } from "@/server/ingest/import-upload-job";
import { enqueueJob, findJob, type JobRow } from "@/server/jobs/job-queue";
import { fileBlobStore } from "@/server/storage/blob-store";
import { insertUpload, recordUploadCheck } from "@/server/uploads/upload-records";
import { inProcessApp } from "../support/in-process-app";
import { eventually, finishedJob } from "../support/jobs";
import { samplePath } from "../support/fixtures";

const OWNER = "aaaaaaaa-1111-4aaa-8aaa-aaaaaaaaaaaa";
const STRANGER = "bbbbbbbb-2222-4bbb-8bbb-bbbbbbbbbbbb";
const SAMPLE = samplePath("building-logger-de.csv");

describe("import job: a real runner, worker threads, PGlite and files", () => {
  const app = inProcessApp("import", { [IMPORT_UPLOAD_JOB]: { ...importUploadHandler, announce: async () => {} } });

  beforeAll(async () => {
    await mkdir(path.join(app.dataDir, "files", "uploads"), { recursive: true });
  });

  /** A ready upload whose raw bytes are in the upload folder, as tus and the check job leave it. */
  async function readyUpload(content: string | { copyOf: string }, filename = "file.csv"): Promise<{ id: string; size: number }> {
    const id = randomUUID();
    const target = path.join(app.dataDir, "files", "uploads", id);
    if (typeof content === "string") await writeFile(target, content);
    else await copyFile(content.copyOf, target);
    const size = (await import("node:fs")).statSync(target).size;
    await app.db.asUser(OWNER, async (sql) => {
      await insertUpload(sql, { id, ownerId: OWNER, filename, sizeBytes: size, expiresAt: new Date(Date.now() + 3600_000) });
      await recordUploadCheck(sql, id, { sha256: "x", headSha256: "x", lineCount: 1, encoding: "utf-8", delimiter: ";", sizeBytes: size });
    });
    return { id, size };
  }

  async function importJob(uploadId: string, size: number, options: ImportPayload["options"] = {}, maxAttempts?: number): Promise<{ job: JobRow; datasetId: string }> {
    const datasetId = randomUUID();
    const payload: ImportPayload = { uploadId, datasetId, name: "file.csv", sizeBytes: size, options };
    const job = await app.db.asUser(OWNER, (sql) => enqueueJob(sql, { ownerId: OWNER, kind: IMPORT_UPLOAD_JOB, uploadId, payload, maxAttempts }));
    app.runner.notify();
    return { job, datasetId };
  }

  const finished = (jobId: string) => finishedJob(app.db, jobId);

  const datasetFiles = async () => readdir(path.join(app.dataDir, "files", "datasets")).catch(() => [] as string[]);

  it("imports the German logger export: report, dataset row under RLS, Arrow file that reads back to the same frame", async () => {
    const upload = await readyUpload({ copyOf: SAMPLE }, "building-logger-de.csv");
    const { job, datasetId } = await importJob(upload.id, upload.size, { timezone: "Europe/Berlin" });
    const done = await finished(job.id);
    expect(done.status).toBe("succeeded");
    expect(done.dataset_id).toBe(datasetId);

    const expected = await ingestFile(SAMPLE, { timezone: "Europe/Berlin" });
    const dataset = await app.db.asUser(OWNER, (sql) => findDataset(sql, datasetId));
    expect(dataset).not.toBeNull();
    expect(dataset!.rowCount).toBe(expected.frame.time.length);
    expect(dataset!.columns).toEqual([
      { name: "Außentemperatur", unit: "°C" },
      { name: "Wärmeleistung", unit: "kW" },
    ]);
    expect(dataset!.report).toEqual(expected.report);
    expect(dataset!.report!.rowsRead).toBe(480);
    expect(dataset!.analysis!.stepMinutes).toBe(15);
    expect(dataset!.stepMinutes).toBe(15);
    expect(dataset!.start).toBe(new Date(expected.frame.time[0]).toISOString());
    expect(dataset!.importOptions).toEqual({ timezone: "Europe/Berlin" });

    const frame = arrowToFrame(await fileBlobStore(path.join(app.dataDir, "files")).get(dataset!.blobKey));
    expect(Array.from(frame.time)).toEqual(Array.from(expected.frame.time));
    expect(frame.columns.map((column) => [column.name, column.unit])).toEqual(expected.frame.columns.map((column) => [column.name, column.unit]));
    frame.columns.forEach((column, c) => expect(Array.from(column.values)).toEqual(Array.from(expected.frame.columns[c].values)));

    // Row Level Security: another user sees neither the dataset nor the list entry.
    expect(await app.db.asUser(STRANGER, (sql) => findDataset(sql, datasetId))).toBeNull();
    expect(await app.db.asUser(STRANGER, (sql) => listDatasets(sql))).toEqual([]);
    expect((await app.db.asUser(OWNER, (sql) => listDatasets(sql))).map((listed) => listed.id)).toContain(datasetId);
  });

  it("keeps missing values and negative numbers through the Arrow file", async () => {
    const csv = "time,a,b\n2024-01-01T00:00:00Z,-1.5,\n2024-01-01T00:10:00Z,NaN,-0.001\n2024-01-01T00:20:00Z,3,7\n";
    const upload = await readyUpload(csv);
    const { job, datasetId } = await importJob(upload.id, upload.size);
    expect((await finished(job.id)).status).toBe("succeeded");
    const dataset = await app.db.asUser(OWNER, (sql) => findDataset(sql, datasetId));
    const frame = arrowToFrame(await fileBlobStore(path.join(app.dataDir, "files")).get(dataset!.blobKey));
    expect(Array.from(frame.columns[0].values)).toEqual([-1.5, NaN, 3]);
    expect(Array.from(frame.columns[1].values)).toEqual([NaN, -0.001, 7]);
    expect(dataset!.analysis!.columns[0]).toMatchObject({ min: -1.5, max: 3, missing: 1 });
  });

  it("a file without a time column fails for good with the core's message, leaving no dataset and no file", async () => {
    const before = await datasetFiles();
    const upload = await readyUpload("name;value\nfoo;1\nbar;2\nbaz;3\n");
    const { job, datasetId } = await importJob(upload.id, upload.size);
    const done = await finished(job.id);
    expect(done.status).toBe("failed");
    expect(done.attempts).toBe(1);
    expect(done.message).toMatch(/^[A-Z].*\.$/);
    expect(done.message).not.toMatch(/at .*\.ts|Error:/);
    expect(await app.db.asService((sql) => sql.query("select 1 from datasets where id = $1", [datasetId]))).toEqual([]);
    expect(await datasetFiles()).toEqual(before);
  });

  it("a payload that does not fit its schema fails at once, without retries, and leaves nothing behind", async () => {
    const before = await datasetFiles();
    const upload = await readyUpload("time,a\n2024-01-01T00:00:00Z,1\n");
    // An invalid payload fails the same way on every attempt: retrying it would only repeat the failure.
    const datasetId = randomUUID();
    const job = await app.db.asUser(OWNER, (sql) =>
      enqueueJob(sql, { ownerId: OWNER, kind: IMPORT_UPLOAD_JOB, uploadId: upload.id, payload: { uploadId: upload.id, datasetId, name: "x", sizeBytes: -1, options: {} }, maxAttempts: 2 }),
    );
    app.runner.notify();
    const row = await eventually(async () => {
      const current = await app.db.asService((sql) => findJob(sql, job.id));
      return current?.status === "failed" && current;
    }, "the job did not fail");
    expect(row).toMatchObject({ status: "failed", attempts: 1, gave_up: false, message: "The job's settings are not valid any more: start it again." });
    expect(await app.db.asService((sql) => sql.query("select 1 from datasets where id = $1", [datasetId]))).toEqual([]);
    expect(await datasetFiles()).toEqual(before);
    expect(existsSync(path.join(app.dataDir, "files", "datasets", `${datasetId}.arrow`))).toBe(false);
  });
});
