import path from "node:path";
import { describe, expect, it } from "vitest";
import { newProjectConfig, type ProjectConfigDraft } from "@/lib/contracts/training-project";
import { findColumn, type Frame } from "@/lib/series/frame";
import { prepareSamples } from "@/lib/train/prepare-samples";
import { summariseSamples } from "@/lib/train/sample-summary";
import { trainingConfigSchema, type TrainingConfigInput } from "@/lib/train/training-config";
import type { SessionUser } from "@/server/auth/session-user";
import { ingestFile } from "@/server/ingest/ingest-file";
import { blobStore } from "@/server/storage/blob-store";
import { createOwnProject, deleteOwnProject, findOwnProject, listOwnProjects, renameOwnProject, saveOwnProjectConfig } from "@/server/train/projects";
import { previewOwnProjectSamples } from "@/server/train/sample-preview";
import { ETTH1_CSV, samplePath } from "../support/fixtures";
import { inProcessApp } from "../support/in-process-app";
import { seedDataset } from "../support/seed-datasets";

/**
 * Training projects as the app keeps them — rows under RLS in the embedded database — and
 * the sample preview, computed in the interactive worker thread from stored datasets and
 * compared with the lib run directly on the same series.
 */
const ME: SessionUser = { id: "aaaaaaaa-3333-4aaa-8aaa-aaaaaaaaaaaa", email: "me@example.com" };
const OTHER: SessionUser = { id: "bbbbbbbb-4444-4bbb-8bbb-bbbbbbbbbbbb", email: "other@example.com" };

const app = inProcessApp("training-projects");
const frames = new Map<string, Frame>();

/** Stores a dataset (Arrow file + rows) for `owner`, as an import of `file` leaves it. */
async function storeDataset(owner: SessionUser, file: string): Promise<string> {
  const { frame, layout, report } = await ingestFile(file);
  const id = await seedDataset(app.db, blobStore(), { ownerId: owner.id, name: path.basename(file), frame, layout, report });
  frames.set(id, frame);
  return id;
}

/** What the lib makes of a config when run directly on the stored frames. */
function directSummary(input: TrainingConfigInput) {
  const config = trainingConfigSchema.parse(input);
  const series = (entry: (typeof config.inputs)[number]) => {
    const frame = frames.get(entry.datasetId!)!;
    return { time: frame.time, values: findColumn(frame, entry.column)!.values };
  };
  return summariseSamples(config, prepareSamples(config, { inputs: config.inputs.map(series), outputs: config.outputs.map(series) }));
}

describe("training projects under RLS", () => {
  it("create, list, rename, autosave and delete one's own projects; another user's is not found and cannot be written", async () => {
    const project = await createOwnProject(ME, "Heat load", newProjectConfig());
    expect(project).toMatchObject({ name: "Heat load", config: newProjectConfig() });
    expect((await listOwnProjects(ME)).map((one) => one.id)).toContain(project.id);

    const draft = { ...newProjectConfig(), version: 1 as const, steps: { inputSteps: null, outputSteps: 4, stepMinutes: 15, offsetMinutes: 0 } };
    const savedAt = await saveOwnProjectConfig(ME, project.id, draft);
    expect(savedAt).not.toBeNull();
    const reread = await findOwnProject(ME, project.id);
    expect(reread?.config).toEqual(draft);
    expect(reread?.updatedAt).toBe(savedAt);
    expect((await renameOwnProject(ME, project.id, "Heat load 2"))?.name).toBe("Heat load 2");

    // The other user sees nothing and changes nothing.
    expect(await findOwnProject(OTHER, project.id)).toBeNull();
    expect((await listOwnProjects(OTHER)).map((one) => one.id)).not.toContain(project.id);
    expect(await saveOwnProjectConfig(OTHER, project.id, { version: 1, stolen: true })).toBeNull();
    expect(await renameOwnProject(OTHER, project.id, "stolen")).toBeNull();
    expect(await deleteOwnProject(OTHER, project.id)).toBe(false);
    expect(await findOwnProject(ME, project.id)).toMatchObject({ name: "Heat load 2", config: draft });
    expect(await previewOwnProjectSamples(OTHER, project.id)).toEqual({ kind: "not-found" });

    expect(await findOwnProject(ME, "not-a-uuid")).toBeNull();
    expect(await deleteOwnProject(ME, project.id)).toBe(true);
    expect(await findOwnProject(ME, project.id)).toBeNull();
  });
});

describe("sample preview in the interactive worker thread", () => {
  it("building-logger-de.csv: counts, skipped per series, distributions and sample windows as the lib computes them", async () => {
    const datasetId = await storeDataset(ME, samplePath("building-logger-de.csv"));
    const config: TrainingConfigInput = {
      ...newProjectConfig(),
      inputs: [
        { datasetId, column: "Außentemperatur", startHours: -2, endHours: 0, method: "linear" },
        { datasetId, column: "Wärmeleistung", startHours: -3, endHours: 0, method: "mean" },
      ],
      outputs: [{ datasetId, column: "Wärmeleistung", startHours: 0.25, endHours: 3, method: "linear" }],
      steps: { inputSteps: 9, outputSteps: 12, stepMinutes: 15, offsetMinutes: 0 },
      timeFeatures: { year: false, month: false, week: false, day: true, holidays: { country: "DE" }, local: true, form: "reference", timezone: "Europe/Berlin" },
    };
    const project = await createOwnProject(ME, "Logger", config);
    const outcome = await previewOwnProjectSamples(ME, project.id);
    if (outcome.kind !== "ok") throw new Error(JSON.stringify(outcome));
    const { preview } = outcome;
    const direct = directSummary(config);
    expect(preview.summary).toEqual(direct);
    expect(direct.train).toBeGreaterThan(100);
    expect(direct.train + direct.validation + direct.test).toBe(direct.candidates - direct.skipped);
    expect(preview.features).toEqual({ inputs: 9 + 9 + 3, outputs: 12 });
    expect(preview.distributions.map((feature) => `${feature.role}:${feature.label}`)).toEqual([
      "input:Außentemperatur",
      "input:Wärmeleistung",
      "time:d_sin",
      "time:d_cos",
      "time:h",
      "output:Wärmeleistung",
    ]);
    const outside = preview.distributions[0].summary!;
    expect(outside.count).toBe(direct.train * 9);
    expect(outside.min).toBeLessThanOrEqual(outside.q1);
    expect(outside.q3).toBeLessThanOrEqual(outside.max);
    // Six samples spread over time, each drawn on its two series; JSON without NaN.
    expect(preview.examples).toHaveLength(6);
    expect(preview.examples[0].series.map((series) => series.label)).toEqual(["Außentemperatur", "Wärmeleistung"]);
    expect(preview.examples[0].series[1].input?.values).toHaveLength(9);
    expect(preview.examples[0].series[1].output?.values).toHaveLength(12);
    expect(JSON.stringify(preview)).not.toMatch(/NaN|Infinity/);
    expect(preview.modelProblems).toEqual([]);
  });

  it("ETTh1 with the benchmark's date split: 8,449 training and 2,785 test samples", async () => {
    const datasetId = await storeDataset(ME, ETTH1_CSV);
    const config: TrainingConfigInput = {
      ...newProjectConfig(),
      inputs: [{ datasetId, column: "OT", startHours: -95, endHours: 0, method: "linear" }],
      outputs: [{ datasetId, column: "OT", startHours: 1, endHours: 96, method: "linear" }],
      steps: { inputSteps: 96, outputSteps: 96, stepMinutes: 60, offsetMinutes: 0 },
      scaling: "standard",
      split: { validationFrom: "2017-06-26T00:00:00Z", testFrom: "2017-10-24T00:00:00Z", until: "2018-02-21T00:00:00Z" },
    };
    const project = await createOwnProject(ME, "ETTh1", config);
    const outcome = await previewOwnProjectSamples(ME, project.id);
    if (outcome.kind !== "ok") throw new Error(JSON.stringify(outcome));
    expect(outcome.preview.summary).toMatchObject({ train: 8449, test: 2785, skipped: 0 });
    expect(outcome.preview.summary).toEqual(directSummary(config));
  });

  it("settings it cannot use: a clear message, nothing computed", async () => {
    const mine = await storeDataset(ME, samplePath("building-logger-de.csv"));
    const theirs = await storeDataset(OTHER, samplePath("building-logger-de.csv"));
    const base: TrainingConfigInput = {
      ...newProjectConfig(),
      inputs: [{ datasetId: mine, column: "Wärmeleistung", startHours: -2, endHours: 0, method: "linear" }],
      outputs: [{ datasetId: mine, column: "Wärmeleistung", startHours: 1, endHours: 2, method: "linear" }],
      steps: { inputSteps: 3, outputSteps: 2, stepMinutes: 60, offsetMinutes: 0 },
    };
    const outcomeOf = async (config: unknown) => previewOwnProjectSamples(ME, (await createOwnProject(ME, "check", config as ProjectConfigDraft)).id);

    expect(await outcomeOf({ ...newProjectConfig(), version: 1 })).toEqual({ kind: "invalid", error: expect.stringMatching(/^The settings are not complete yet: inputs: /) });
    expect(await outcomeOf({ ...base, inputs: [{ ...base.inputs[0], datasetId: theirs }] })).toEqual({ kind: "invalid", error: "inputs.0.datasetId: choose one of your datasets" });
    expect(await outcomeOf({ ...base, outputs: [{ ...base.outputs[0], column: "Strom" }] })).toEqual({
      kind: "invalid",
      error: expect.stringMatching(/^outputs\.0\.column: no column 'Strom' in building-logger-de\.csv/),
    });
    // A model the series make impossible is named, the counts are still there.
    const naiveWithoutTarget = await outcomeOf({ ...base, inputs: [{ ...base.inputs[0], column: "Außentemperatur" }], models: [{ kind: "linear" }, { kind: "naive" }] });
    expect(naiveWithoutTarget.kind).toBe("ok");
    if (naiveWithoutTarget.kind === "ok") expect(naiveWithoutTarget.preview.modelProblems).toMatchObject([{ index: 1 }]);
  });
});
