import "server-only";
import type { ImportProfileInput, ImportProfileView } from "@/lib/contracts/import-profile";
import { importOptionsSchema } from "@/lib/ingest/import-options";
import type { Sql } from "@/server/db";

interface ProfileRow {
  id: string;
  name: string;
  options: unknown;
  updated_at: Date | string;
}

const toView = (row: ProfileRow): ImportProfileView => ({
  id: row.id,
  name: row.name,
  options: importOptionsSchema.parse(typeof row.options === "string" ? JSON.parse(row.options) : row.options),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** The profiles visible in this transaction (RLS: the user's own), by name. */
export async function listImportProfiles(sql: Sql): Promise<ImportProfileView[]> {
  const rows = await sql.query<ProfileRow>("select id, name, options, updated_at from import_profiles order by name");
  return rows.map(toView);
}

/** Saves under the name, replacing the user's profile of the same name. */
export async function saveImportProfile(sql: Sql, ownerId: string, profile: ImportProfileInput): Promise<ImportProfileView> {
  const rows = await sql.query<ProfileRow>(
    `insert into import_profiles (owner_id, name, options) values ($1, $2, $3::text::jsonb)
     on conflict (owner_id, name) do update set options = excluded.options, updated_at = now()
     returning id, name, options, updated_at`,
    [ownerId, profile.name, JSON.stringify(profile.options)],
  );
  return toView(rows[0]);
}

export async function deleteImportProfile(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.query("delete from import_profiles where id = $1 returning id", [id]);
  return rows.length > 0;
}
