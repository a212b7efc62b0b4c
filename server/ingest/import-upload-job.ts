import "server-only";
import { z } from "zod";
import { importOptionsSchema } from "@/lib/ingest/import-options";

export const IMPORT_UPLOAD_JOB = "import-upload";

/** What an import job carries: the ids are server-generated, the options the user's (already validated). */
export const importPayloadSchema = z.object({
  uploadId: z.string().uuid(),
  datasetId: z.string().uuid(),
  name: z.string().min(1).max(255),
  sizeBytes: z.number().nonnegative(),
  options: importOptionsSchema,
});
export type ImportPayload = z.infer<typeof importPayloadSchema>;
