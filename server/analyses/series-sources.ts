import "server-only";
import type { DatasetColumnView } from "@/lib/contracts/dataset-view";
import type { SeriesSource } from "@/lib/contracts/series-source";
import type { Sql } from "@/server/db";

interface SourceRow {
  id: string;
  name: string;
  row_count: string | number;
  columns: DatasetColumnView[] | string;
  time_start: Date | string | null;
  time_end: Date | string | null;
  step_minutes: number | string | null;
  offset_minutes: number | string | null;
}

const ms = (value: Date | string | null) => (value === null ? null : new Date(value).getTime());
const numberOrNull = (value: number | string | null) => (value === null ? null : Number(value));

/** The stored datasets visible in this transaction (RLS: the user's own), newest first, with their detected step and offset. */
export async function listSeriesSources(sql: Sql, limit = 200): Promise<SeriesSource[]> {
  const rows = await sql.query<SourceRow>(
    `select id, name, row_count, columns, time_start, time_end, step_minutes, (analysis ->> 'offsetMinutes')::double precision as offset_minutes
     from datasets where blob_key is not null order by created_at desc limit $1`,
    [limit],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    rowCount: Number(row.row_count),
    columns: typeof row.columns === "string" ? (JSON.parse(row.columns) as DatasetColumnView[]) : row.columns,
    start: ms(row.time_start),
    end: ms(row.time_end),
    stepMinutes: numberOrNull(row.step_minutes),
    offsetMinutes: numberOrNull(row.offset_minutes),
  }));
}
