import { describe, expect, it } from "vitest";
import { newProjectConfig, projectConfigDraftSchema, projectNameSchema, samplePreviewConfigSchema } from "@/lib/contracts/training-project";
import { modelConfigSchema } from "@/lib/train/training-config";

const series = { datasetId: "d1", column: "load", startHours: -2, endHours: 0, method: "linear" };

describe("training project contract", () => {
  it("a new project's settings are a draft the form can save, with the contract's model defaults", () => {
    const config = newProjectConfig();
    expect(projectConfigDraftSchema.parse(config)).toEqual(config);
    for (const model of config.models) expect(modelConfigSchema.parse(model)).toEqual(model);
    expect(config.steps).toEqual({ inputSteps: 13, outputSteps: 13, stepMinutes: 3, offsetMinutes: 0 });
  });

  it("a draft may be incomplete but is version 1 and of bounded size", () => {
    expect(projectConfigDraftSchema.safeParse({ version: 1, steps: { inputSteps: null } }).success).toBe(true);
    expect(projectConfigDraftSchema.safeParse({ steps: {} }).success).toBe(false);
    expect(projectConfigDraftSchema.safeParse({ version: 1, note: "x".repeat(250_000) }).error?.issues[0].message).toBe("The settings are too large to save.");
  });

  it("the preview checks everything but the models' entries", () => {
    const complete = { ...newProjectConfig(), inputs: [series], outputs: [series] };
    expect(samplePreviewConfigSchema.safeParse({ ...complete, models: [{ kind: "dense", layers: -1 }] }).success).toBe(true);
    expect(samplePreviewConfigSchema.safeParse({ ...complete, models: [] }).success).toBe(true);
    expect(samplePreviewConfigSchema.safeParse({ ...complete, inputs: [] }).success).toBe(false);
    expect(samplePreviewConfigSchema.safeParse({ ...complete, extra: 1 }).success).toBe(false);
  });

  it("project names: trimmed, not empty, at most 100 characters", () => {
    expect(projectNameSchema.parse("  Heat load  ")).toBe("Heat load");
    expect(projectNameSchema.safeParse("   ").error?.issues[0].message).toBe("Give the project a name.");
    expect(projectNameSchema.safeParse("x".repeat(101)).success).toBe(false);
  });
});
