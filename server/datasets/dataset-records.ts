import "server-only";
import type { SeriesAnalysis } from "@/lib/analysis/analyse-series";
import type { DatasetDetail, DatasetSummary } from "@/lib/contracts/dataset-view";
import type { ImportReport } from "@/lib/ingest/import-report";
import type { Derivation } from "@/lib/contracts/dataset-derivation";
import type { Sql } from "@/server/db";

interface DatasetRow {
  id: string;
  owner_id: string;
  upload_id: string | null;
  parent_id: string | null;
  name: string;
  row_count: string | number;
  columns: DatasetSummary["columns"] | string;
  blob_key: string | null;
  size_bytes: string | number;
  import_options: Record<string, unknown> | string;
  import_report: ImportReport | string | null;
  analysis: SeriesAnalysis | string | null;
  time_start: Date | string | null;
  time_end: Date | string | null;
  step_minutes: number | null;
  derivation: Derivation | string | null;
  derivation_report: unknown;
  created_at: Date | string;
}

const json = <T,>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toSummary(row: DatasetRow): DatasetSummary {
  return {
    id: row.id,
    name: row.name,
    uploadId: row.upload_id,
    parentId: row.parent_id,
    rowCount: Number(row.row_count),
    columns: json(row.columns),
    start: iso(row.time_start),
    end: iso(row.time_end),
    stepMinutes: row.step_minutes === null ? null : Number(row.step_minutes),
    sizeBytes: Number(row.size_bytes),
    createdAt: iso(row.created_at)!,
  };
}

/** An imported dataset has its upload, options, layout and report; a derived one its parent and derivation. */
export type NewDataset = {
  id: string;
  ownerId: string;
  name: string;
  blobKey: string;
  sizeBytes: number;
  rowCount: number;
  columns: DatasetSummary["columns"];
  analysis: SeriesAnalysis;
} & (
  | { uploadId: string; importOptions: Record<string, unknown>; layout: unknown; report: ImportReport }
  | { parentId: string; derivation: Derivation; derivationReport: unknown }
);

const jsonOrNull = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export async function insertDataset(sql: Sql, dataset: NewDataset): Promise<void> {
  const { analysis } = dataset;
  const imported = "uploadId" in dataset ? dataset : null;
  const derived = "parentId" in dataset ? dataset : null;
  await sql.query(
    `insert into datasets (id, owner_id, upload_id, name, row_count, columns, blob_key, size_bytes, import_options, layout,
       import_report, analysis, time_start, time_end, step_minutes, parent_id, derivation, derivation_report)
     values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, coalesce($9::text::jsonb, '{}'::jsonb), $10::text::jsonb, $11::text::jsonb,
       $12::text::jsonb, $13, $14, $15, $16, $17::text::jsonb, $18::text::jsonb)`,
    [
      dataset.id,
      dataset.ownerId,
      imported?.uploadId ?? null,
      dataset.name,
      dataset.rowCount,
      JSON.stringify(dataset.columns),
      dataset.blobKey,
      dataset.sizeBytes,
      jsonOrNull(imported?.importOptions),
      jsonOrNull(imported?.layout),
      jsonOrNull(imported?.report),
      JSON.stringify(analysis),
      analysis.start === null ? null : new Date(analysis.start).toISOString(),
      analysis.end === null ? null : new Date(analysis.end).toISOString(),
      analysis.stepMinutes,
      derived?.parentId ?? null,
      jsonOrNull(derived?.derivation),
      jsonOrNull(derived?.derivationReport),
    ],
  );
}

const SUMMARY_COLUMNS = "id, owner_id, upload_id, parent_id, name, row_count, columns, blob_key, size_bytes, time_start, time_end, step_minutes, created_at";

/** The datasets visible in this transaction (RLS: the user's own), newest first. */
export async function listDatasets(sql: Sql, limit = 200): Promise<DatasetSummary[]> {
  const rows = await sql.query<DatasetRow>(`select ${SUMMARY_COLUMNS} from datasets where blob_key is not null order by created_at desc limit $1`, [limit]);
  return rows.map(toSummary);
}

export async function findDataset(sql: Sql, id: string): Promise<(DatasetDetail & { blobKey: string }) | null> {
  const rows = await sql.query<DatasetRow>("select * from datasets where id = $1 and blob_key is not null", [id]);
  const row = rows[0];
  if (!row) return null;
  return {
    ...toSummary(row),
    blobKey: row.blob_key!,
    importOptions: json(row.import_options),
    report: row.import_report === null ? null : json(row.import_report),
    analysis: row.analysis === null ? null : json(row.analysis),
    derivation: row.derivation === null ? null : json(row.derivation),
    derivationReport: row.derivation_report === null ? null : json(row.derivation_report as object | string),
  };
}

/** The datasets with these ids visible in this transaction (RLS: the user's own), for a derivation's sources. */
export async function findDatasetSources(sql: Sql, ids: readonly string[]): Promise<{ id: string; name: string; blobKey: string }[]> {
  const rows = await sql.query<{ id: string; name: string; blob_key: string }>("select id, name, blob_key from datasets where id = any($1::uuid[]) and blob_key is not null", [
    ids,
  ]);
  return rows.map((row) => ({ id: row.id, name: row.name, blobKey: row.blob_key }));
}

export async function datasetExists(sql: Sql, id: string): Promise<boolean> {
  return (await sql.query("select 1 from datasets where id = $1", [id])).length > 0;
}
