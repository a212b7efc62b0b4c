"use server";

import { bandPreviewRequestSchema, type StartBandPreviewResult } from "@/lib/contracts/regression-band-view";
import { parseSpec, SpecError } from "@/lib/process/spec-errors";
import { startBandPreview } from "@/server/analyses/band-preview";
import { requireUser } from "@/server/auth/current-user";
import { UnauthorizedError } from "@/server/auth/session-user";

/** Starts the computation of a regression band over two of the user's datasets; the job's result is the chart. */
export async function previewRegressionBand(input: unknown): Promise<StartBandPreviewResult> {
  try {
    const user = await requireUser();
    return await startBandPreview(user, parseSpec(bandPreviewRequestSchema, input, "request"));
  } catch (error) {
    if (error instanceof UnauthorizedError || error instanceof SpecError) return { ok: false, error: error.message };
    console.error("previewRegressionBand:", error);
    return { ok: false, error: "The band could not be computed. Try again." };
  }
}
