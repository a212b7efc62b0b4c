import "server-only";
import { z } from "zod";
import { regressionSpecSchema } from "@/lib/analysis/regression-spec";

export const BAND_PREVIEW_JOB = "regression-band-preview";

/** What a band preview job carries: blob keys resolved under the user's RLS when it was started, and the validated spec. */
export const bandPreviewPayloadSchema = z.object({
  xBlobKey: z.string().min(1),
  yBlobKey: z.string().min(1),
  spec: regressionSpecSchema,
});
export type BandPreviewPayload = z.infer<typeof bandPreviewPayloadSchema>;
