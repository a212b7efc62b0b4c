import "server-only";
import type { ImportProfileInput, ImportProfileView } from "@/lib/contracts/import-profile";
import { importOptionsSchema } from "@/lib/ingest/import-options";
import type { Sql } from "@/server/db";
import { namedDocuments } from "./named-documents";

const profiles = namedDocuments("import_profiles", "options", importOptionsSchema);

/** The profiles visible in this transaction (RLS: the user's own), by name. */
export const listImportProfiles: (sql: Sql) => Promise<ImportProfileView[]> = profiles.list;

/** Saves under the name, replacing the user's profile of the same name. */
export const saveImportProfile: (sql: Sql, ownerId: string, profile: ImportProfileInput) => Promise<ImportProfileView> = profiles.save;

export const deleteImportProfile: (sql: Sql, id: string) => Promise<boolean> = profiles.remove;
