import "server-only";
import type { BandPreviewRequest, StartBandPreviewResult } from "@/lib/contracts/regression-band-view";
import type { SessionUser } from "@/server/auth/session-user";
import { findDataset } from "@/server/datasets/dataset-records";
import { database } from "@/server/db";
import { enqueueJob } from "@/server/jobs/job-queue";
import { notifyJobRunner } from "@/server/jobs/runner-instance";
import { BAND_PREVIEW_JOB, type BandPreviewPayload } from "./band-preview-job";

/** How long a finished preview (and its chart) stays in the jobs table. */
export const PREVIEW_KEPT_MS = 60 * 60_000;

type Found = NonNullable<Awaited<ReturnType<typeof findDataset>>>;

/** A column the spec names that the dataset does not have, said with the field's path; null when it has it. */
function missingColumn(dataset: Found, column: string | undefined, field: string): string | null {
  if (column === undefined || dataset.columns.some((candidate) => candidate.name === column)) return null;
  return `${field}: ${dataset.name} has no column '${column}' (columns: ${dataset.columns.map((candidate) => candidate.name).join(", ") || "none"})`;
}

/**
 * Queues the computation of a band over two of the user's datasets (read under RLS: another
 * user's dataset does not exist here, nor are their jobs touched). Columns are checked against
 * the stored metadata first, so a wrong name is answered at once rather than by a failed job.
 */
export async function startBandPreview(user: SessionUser, request: BandPreviewRequest): Promise<StartBandPreviewResult> {
  const db = await database();
  const outcome = await db.asUser(user.id, async (sql): Promise<StartBandPreviewResult> => {
    const x = await findDataset(sql, request.xDatasetId);
    const y = request.yDatasetId === request.xDatasetId ? x : await findDataset(sql, request.yDatasetId);
    if (!x) return { ok: false, error: "xDatasetId: dataset not found." };
    if (!y) return { ok: false, error: "yDatasetId: dataset not found." };
    const problem = missingColumn(x, request.spec.xColumn, "spec.xColumn") ?? missingColumn(y, request.spec.yColumn, "spec.yColumn");
    if (problem) return { ok: false, error: problem };
    // A preview's result is read once, by the page that asked for it: older ones are let go.
    await sql.query("delete from jobs where kind = $1 and finished_at < now() - ($2 || ' milliseconds')::interval", [BAND_PREVIEW_JOB, String(PREVIEW_KEPT_MS)]);
    const payload: BandPreviewPayload = { xBlobKey: x.blobKey, yBlobKey: y.blobKey, spec: request.spec };
    const job = await enqueueJob(sql, { ownerId: user.id, kind: BAND_PREVIEW_JOB, payload, maxAttempts: 2 });
    return { ok: true, jobId: job.id };
  });
  if (outcome.ok) notifyJobRunner();
  return outcome;
}
