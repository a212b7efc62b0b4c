import { describe, expect, it } from "vitest";
import { forecastChartQuerySchema, projectRunsQuerySchema, trainingRunSummarySchema } from "@/lib/contracts/training-run";

describe("training-run contract", () => {
  it("a forecast chart is asked for one sample or one step, as query text", () => {
    expect(forecastChartQuerySchema.parse({ sample: "0" })).toEqual({ sample: 0 });
    expect(forecastChartQuerySchema.parse({ step: "12" })).toEqual({ step: 12 });
    for (const bad of [{}, { step: "0" }, { sample: "-1" }, { sample: "1.5" }, { sample: "1", step: "1" }, { format: "xlsx" }]) {
      expect(forecastChartQuerySchema.safeParse(bad).success).toBe(false);
    }
  });
  it("names a malformed project id, and knows every run state", () => {
    expect(projectRunsQuerySchema.safeParse({ projectId: "nope" }).error?.issues[0].message).toBe("not a project id");
    const summary = { id: "r", projectId: "p", jobId: null, message: null, createdAt: "2026-01-01T00:00:00.000Z", finishedAt: null, modelCount: 2 };
    for (const status of ["queued", "running", "succeeded", "failed", "cancelled"]) expect(trainingRunSummarySchema.parse({ ...summary, status }).status).toBe(status);
    expect(trainingRunSummarySchema.safeParse({ ...summary, status: "done" }).success).toBe(false);
  });
});
