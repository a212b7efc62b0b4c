import "server-only";
import type { Sql } from "@/server/db";

/** A dataset made on the analyses pages: an alignment or the inside points of a band. */
export interface AnalysisResult {
  id: string;
  name: string;
  kind: "align" | "regression-band";
  rowCount: number;
  columns: string[];
  /** The band's equation (regression-band only). */
  equation: string | null;
  createdAt: string;
}

interface ResultRow {
  id: string;
  name: string;
  kind: AnalysisResult["kind"];
  row_count: string | number;
  columns: { name: string }[] | string;
  equation: string | null;
  created_at: Date | string;
}

/** The user's aligned and band datasets (RLS), newest first. */
export async function listAnalysisResults(sql: Sql, limit = 50): Promise<AnalysisResult[]> {
  const rows = await sql.query<ResultRow>(
    `select id, name, derivation ->> 'kind' as kind, row_count, columns, derivation_report ->> 'equation' as equation, created_at
     from datasets where blob_key is not null and derivation ->> 'kind' in ('align', 'regression-band')
     order by created_at desc limit $1`,
    [limit],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    rowCount: Number(row.row_count),
    columns: (typeof row.columns === "string" ? (JSON.parse(row.columns) as { name: string }[]) : row.columns).map((column) => column.name),
    equation: row.equation,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}
