"use server";

import { bandPreviewRequestSchema, type BandPreviewResult } from "@/lib/contracts/regression-band-view";
import { parseSpec } from "@/lib/process/spec-errors";
import { computeBandPreview } from "@/server/analyses/band-preview";
import { userAction } from "@/server/auth/user-action";

/** The regression band over two of the user's datasets, as the page draws it (computed in a worker thread). */
export async function previewRegressionBand(input: unknown): Promise<BandPreviewResult> {
  return userAction<BandPreviewResult>("previewRegressionBand", "The band could not be computed. Try again.", (user) => computeBandPreview(user, parseSpec(bandPreviewRequestSchema, input, "request")));
}
