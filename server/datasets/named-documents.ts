import "server-only";
import type { z } from "zod";
import type { Sql } from "@/server/db";

/** A user's JSON document under a name of their choice, as the page lists it. */
export type NamedDocumentView<Key extends string, Document> = { id: string; name: string } & { [K in Key]: Document } & { updatedAt: string };

interface DocumentRow {
  id: string;
  name: string;
  document: unknown;
  updated_at: Date | string;
}

/**
 * Reading and writing one kind of named document (a saved recipe, an import profile): rows of
 * `table` with a unique name per owner and the document in the jsonb column `key`, which is
 * also its field in the view. Every query runs in the caller's transaction, so RLS limits it
 * to the user's own rows.
 */
export function namedDocuments<Key extends string, Document>(table: "recipes" | "import_profiles", key: Key, schema: z.ZodType<Document>) {
  type View = NamedDocumentView<Key, Document>;
  const columns = `id, name, ${key} as document, updated_at`;
  const toView = (row: DocumentRow) =>
    ({
      id: row.id,
      name: row.name,
      [key]: schema.parse(typeof row.document === "string" ? JSON.parse(row.document) : row.document),
      updatedAt: new Date(row.updated_at).toISOString(),
    }) as View;

  return {
    /** The documents visible in this transaction, by name. */
    list: async (sql: Sql): Promise<View[]> => (await sql.query<DocumentRow>(`select ${columns} from ${table} order by name`)).map(toView),

    /** Saves under the name, replacing the user's document of the same name. */
    save: async (sql: Sql, ownerId: string, input: { name: string } & { [K in Key]: Document }): Promise<View> => {
      const rows = await sql.query<DocumentRow>(
        `insert into ${table} (owner_id, name, ${key}) values ($1, $2, $3::text::jsonb)
         on conflict (owner_id, name) do update set ${key} = excluded.${key}, updated_at = now()
         returning ${columns}`,
        [ownerId, input.name, JSON.stringify(input[key])],
      );
      return toView(rows[0]);
    },

    remove: async (sql: Sql, id: string): Promise<boolean> => (await sql.query(`delete from ${table} where id = $1 returning id`, [id])).length > 0,
  };
}
