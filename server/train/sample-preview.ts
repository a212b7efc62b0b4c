import "server-only";
import { samplePreviewConfigSchema, type SamplePreview } from "@/lib/contracts/training-project";
import { describeConfigError } from "@/lib/train/training-config";
import type { SessionUser } from "@/server/auth/session-user";
import { findOwnDataset } from "@/server/datasets/dataset-access";
import { InteractiveTaskError, runInteractive } from "@/server/jobs/interactive-pool";
import { findOwnProject } from "./projects";
import { SAMPLE_PREVIEW_TASK, type SamplePreviewPayload } from "./sample-preview-task";

const TIMEOUT_MS = 60_000;

export type SamplePreviewOutcome = { kind: "not-found" } | { kind: "invalid"; error: string } | { kind: "ok"; preview: SamplePreview };

/**
 * The samples the project's saved settings make, computed in the interactive worker
 * thread from the user's own datasets (a dataset that is not theirs is as good as absent).
 */
export async function previewOwnProjectSamples(user: SessionUser, projectId: string): Promise<SamplePreviewOutcome> {
  const project = await findOwnProject(user, projectId);
  if (!project) return { kind: "not-found" };
  const parsed = samplePreviewConfigSchema.safeParse(project.config);
  if (!parsed.success) return { kind: "invalid", error: `The settings are not complete yet: ${describeConfigError(parsed.error)}` };
  const config = parsed.data;
  const datasets: SamplePreviewPayload["datasets"] = {};
  const ids = new Set([...config.inputs, ...config.outputs].flatMap((series) => (series.datasetId ? [series.datasetId] : [])));
  for (const id of ids) {
    const dataset = await findOwnDataset(user, id);
    if (dataset) datasets[id] = { name: dataset.name, blobKey: dataset.blobKey };
  }
  const payload: SamplePreviewPayload = { config, datasets };
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  try {
    return { kind: "ok", preview: await runInteractive<SamplePreview>(SAMPLE_PREVIEW_TASK, payload, timeout) };
  } catch (error) {
    if (error instanceof InteractiveTaskError) return { kind: "invalid", error: error.message };
    // Piscina ends the thread of a task that runs past the bound.
    if (timeout.aborted) return { kind: "invalid", error: `Counting the samples took longer than ${TIMEOUT_MS / 1000} s: choose a larger step width or shorter windows.` };
    throw error;
  }
}
