import { z } from "zod";
import type { FeatureDistribution } from "@/lib/train/feature-distributions";
import type { SampleExample } from "@/lib/train/sample-examples";
import type { SampleSummary } from "@/lib/train/sample-summary";
import { trainingConfigSchema, type TrainingConfigInput } from "@/lib/train/training-config";

/**
 * Training projects: a name and the training config the project page edits. The config is
 * stored as the form holds it — the contract's shape, possibly incomplete while the user is
 * still choosing (no input series yet, a field cleared) — and is checked against
 * `trainingConfigSchema` wherever it is used.
 */
export const projectIdSchema = z.string().uuid({ message: "not a project id" });

export const projectNameSchema = z.string().trim().min(1, "Give the project a name.").max(100, "Keep the name under 100 characters.");

const MAX_CONFIG_CHARS = 200_000;

/** A config as the form holds it: version 1, any further keys (the contract's, perhaps not all valid yet). */
export const projectConfigDraftSchema = z
  .looseObject({ version: z.literal(1) })
  .refine((draft) => JSON.stringify(draft).length <= MAX_CONFIG_CHARS, { message: "The settings are too large to save." });
export type ProjectConfigDraft = z.infer<typeof projectConfigDraftSchema>;

export const saveProjectConfigSchema = z.object({ projectId: projectIdSchema, config: projectConfigDraftSchema });

export interface TrainingProjectView {
  id: string;
  name: string;
  config: ProjectConfigDraft;
  createdAt: string;
  updatedAt: string;
}

export type ProjectResult = { ok: true; project: TrainingProjectView } | { ok: false; error: string };
export type SaveConfigResult = { ok: true; updatedAt: string } | { ok: false; error: string };

/** What the sample preview needs of a config: everything checked but the models (their entries are only looked at for what the series make impossible). */
export const samplePreviewConfigSchema = trainingConfigSchema.extend({ models: z.array(z.unknown()) });

/** What a project's settings make, before anything is trained. */
export interface SamplePreview {
  summary: SampleSummary;
  features: { inputs: number; outputs: number };
  /** Over the training samples, in original units. */
  distributions: FeatureDistribution[];
  /** A few samples spread over time, drawn on their series. */
  examples: SampleExample[];
  /** A model the settings cannot serve (e.g. naive without its target among the inputs), by index in `models`. */
  modelProblems: { index: number; message: string }[];
}

/** A new project's settings: the contract's defaults (the original's 13/13 steps of 3 minutes), naive and linear to compare. */
export function newProjectConfig(): TrainingConfigInput {
  return {
    version: 1,
    inputs: [],
    outputs: [],
    steps: { inputSteps: 13, outputSteps: 13, stepMinutes: 3, offsetMinutes: 0 },
    timeFeatures: { year: false, month: false, week: false, day: false, holidays: null, local: false, form: "reference", timezone: "UTC" },
    scaling: "minmax",
    split: { train: 0.7, validation: 0.2, test: 0.1, shuffle: false, seed: 1 },
    models: [{ kind: "naive" }, { kind: "linear", alpha: 0, normalize: "none" }],
  };
}
