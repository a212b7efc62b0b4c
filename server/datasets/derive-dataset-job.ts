import "server-only";
import { z } from "zod";
import { derivationSchema } from "@/lib/contracts/dataset-derivation";

export const DERIVE_DATASET_JOB = "derive-dataset";

/**
 * What a derive job carries. The sources (and the model of a forecast) were resolved under
 * the user's RLS when the job was queued, so the thread reads only what the user owns.
 */
export const derivePayloadSchema = z.object({
  datasetId: z.string().uuid(),
  name: z.string().min(1).max(255),
  derivation: derivationSchema,
  sources: z.array(z.object({ id: z.string().uuid(), name: z.string(), blobKey: z.string() })).min(1),
  modelBlobKey: z.string().optional(),
});
export type DerivePayload = z.infer<typeof derivePayloadSchema>;
