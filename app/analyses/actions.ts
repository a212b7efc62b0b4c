"use server";

import { bandPreviewRequestSchema, type BandPreviewResult } from "@/lib/contracts/regression-band-view";
import { parseSpec, SpecError } from "@/lib/process/spec-errors";
import { computeBandPreview } from "@/server/analyses/band-preview";
import { requireUser } from "@/server/auth/current-user";
import { UnauthorizedError } from "@/server/auth/session-user";

/** The regression band over two of the user's datasets, as the page draws it (computed in a worker thread). */
export async function previewRegressionBand(input: unknown): Promise<BandPreviewResult> {
  try {
    const user = await requireUser();
    return await computeBandPreview(user, parseSpec(bandPreviewRequestSchema, input, "request"));
  } catch (error) {
    if (error instanceof UnauthorizedError || error instanceof SpecError) return { ok: false, error: error.message };
    console.error("previewRegressionBand:", error);
    return { ok: false, error: "The band could not be computed. Try again." };
  }
}
