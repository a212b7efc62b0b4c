import "server-only";
import type { Sql } from "@/server/db";

export interface DatasetLink {
  id: string;
  name: string;
  createdAt: string;
}

export interface DatasetLineage {
  parent: DatasetLink | null;
  /** Versions made from this dataset, oldest first. */
  children: DatasetLink[];
}

interface LinkRow {
  id: string;
  name: string;
  created_at: Date | string;
}

const toLink = (row: LinkRow): DatasetLink => ({ id: row.id, name: row.name, createdAt: new Date(row.created_at).toISOString() });

/** The parent and the children of a dataset, as far as this transaction sees them (RLS: the user's own). */
export async function findLineage(sql: Sql, dataset: { id: string; parentId: string | null }): Promise<DatasetLineage> {
  const parents = dataset.parentId ? await sql.query<LinkRow>("select id, name, created_at from datasets where id = $1", [dataset.parentId]) : [];
  const children = await sql.query<LinkRow>("select id, name, created_at from datasets where parent_id = $1 order by created_at, name", [dataset.id]);
  return { parent: parents[0] ? toLink(parents[0]) : null, children: children.map(toLink) };
}
