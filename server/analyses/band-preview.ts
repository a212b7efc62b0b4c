import "server-only";
import type { BandChart, BandPreviewRequest, BandPreviewResult } from "@/lib/contracts/regression-band-view";
import type { SessionUser } from "@/server/auth/session-user";
import { findDataset } from "@/server/datasets/dataset-records";
import { database } from "@/server/db";
import { InteractiveTaskError, runInteractive } from "@/server/jobs/interactive-pool";
import { BAND_PREVIEW_TASK, type BandPreviewPayload } from "./band-preview-task";

type Found = NonNullable<Awaited<ReturnType<typeof findDataset>>>;

/** A column the spec names that the dataset does not have, said with the field's path; null when it has it. */
function missingColumn(dataset: Found, column: string | undefined, field: string): string | null {
  if (column === undefined || dataset.columns.some((candidate) => candidate.name === column)) return null;
  return `${field}: ${dataset.name} has no column '${column}' (columns: ${dataset.columns.map((candidate) => candidate.name).join(", ") || "none"})`;
}

/**
 * The band over two of the user's datasets (read under RLS: another user's dataset does not
 * exist here), computed in a worker thread while the request waits. Columns are checked
 * against the stored metadata first, so a wrong name is answered without reading any data.
 */
export async function computeBandPreview(user: SessionUser, request: BandPreviewRequest, signal?: AbortSignal): Promise<BandPreviewResult> {
  const db = await database();
  const { x, y } = await db.asUser(user.id, async (sql) => {
    const xFound = await findDataset(sql, request.xDatasetId);
    return { x: xFound, y: request.yDatasetId === request.xDatasetId ? xFound : await findDataset(sql, request.yDatasetId) };
  });
  if (!x) return { ok: false, error: "xDatasetId: dataset not found." };
  if (!y) return { ok: false, error: "yDatasetId: dataset not found." };
  const problem = missingColumn(x, request.spec.xColumn, "spec.xColumn") ?? missingColumn(y, request.spec.yColumn, "spec.yColumn");
  if (problem) return { ok: false, error: problem };
  const payload: BandPreviewPayload = { xBlobKey: x.blobKey, yBlobKey: y.blobKey, spec: request.spec };
  try {
    return { ok: true, chart: await runInteractive<BandChart>(BAND_PREVIEW_TASK, payload, signal) };
  } catch (error) {
    if (error instanceof InteractiveTaskError) return { ok: false, error: error.message, inData: true };
    throw error;
  }
}
