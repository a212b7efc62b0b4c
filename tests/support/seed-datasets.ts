import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { analyseSeries } from "@/lib/analysis/analyse-series";
import type { ImportReport } from "@/lib/ingest/import-report";
import type { Frame } from "@/lib/series/frame";
import { columnViews } from "@/lib/series/column-views";
import { frameToArrow } from "@/server/datasets/arrow-frame";
import { insertDataset } from "@/server/datasets/dataset-records";
import type { Database } from "@/server/db/database";
import { migrate } from "@/server/db/migrate";
import { openPgliteDatabase } from "@/server/db/pglite-database";
import { datasetBlobKey, fileBlobStore, type BlobStore } from "@/server/storage/blob-store";
import { insertUpload } from "@/server/uploads/upload-records";

export interface SeededDataset {
  ownerId: string;
  name: string;
  frame: Frame;
  /** A fixed id, for suites that name the dataset in routes; a new one otherwise. */
  id?: string;
  /** What `ingestFile` found, when the frame came from a file; a clean import of every row otherwise. */
  layout?: unknown;
  report?: ImportReport;
}

/** The report of an import that kept every row of the frame. */
function cleanReport(frame: Frame): ImportReport {
  const rows = frame.time.length;
  return { rowsRead: rows, rowsImported: rows, rowsSkipped: 0, skipped: [], textCells: [], droppedColumns: [], repeatedLocalTimes: 0, blankLines: 0, zone: null, warnings: [] };
}

/** An imported dataset holding `frame` as the import job leaves it: its upload row, its Arrow file and its dataset row. */
export async function seedDataset(db: Database, blobs: BlobStore, dataset: SeededDataset): Promise<string> {
  const { ownerId, name, frame } = dataset;
  const id = dataset.id ?? randomUUID();
  const uploadId = randomUUID();
  const blobKey = datasetBlobKey(id);
  const sizeBytes = await blobs.put(blobKey, frameToArrow(frame));
  // Datasets are written by the server (the import job), not by users.
  await db.asService(async (sql) => {
    await insertUpload(sql, { id: uploadId, ownerId, filename: name, sizeBytes, expiresAt: new Date(Date.now() + 3600_000) });
    await insertDataset(sql, {
      id,
      ownerId,
      uploadId,
      name,
      blobKey,
      sizeBytes,
      rowCount: frame.time.length,
      columns: columnViews(frame),
      importOptions: {},
      layout: dataset.layout ?? null,
      report: dataset.report ?? cleanReport(frame),
      analysis: analyseSeries(frame),
    });
  });
  return id;
}

/** A new data folder laid out as the app keeps it (embedded database, blob files), filled by `seed` before an app server starts on it. */
export async function seededDataDir(prefix: string, seed: (db: Database, blobs: BlobStore) => Promise<void>): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `chronoframe-${prefix}-`));
  const db = await openPgliteDatabase(path.join(dataDir, "db"));
  try {
    await migrate(db);
    await seed(db, fileBlobStore(path.join(dataDir, "files")));
  } finally {
    await db.close();
  }
  return dataDir;
}
