import { z } from "zod";
import { importOptionsSchema } from "@/lib/ingest/import-options";

/** A named set of import choices, saved from the wizard and applied to the next file of the same logger. */
export const importProfileInputSchema = z.object({
  name: z.string().trim().min(1, "Give the profile a name.").max(100, "Keep the name under 100 characters."),
  options: importOptionsSchema,
});
export type ImportProfileInput = z.infer<typeof importProfileInputSchema>;

export interface ImportProfileView extends ImportProfileInput {
  id: string;
  updatedAt: string;
}

export type SaveProfileResult = { ok: true; profile: ImportProfileView } | { ok: false; error: string };
