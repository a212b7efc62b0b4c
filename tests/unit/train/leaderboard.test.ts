import { describe, expect, it } from "vitest";
import { leaderboardViews, parseViewKey, rankModels, viewKey, viewMetrics } from "@/lib/train/leaderboard";
import type { Metrics, ModelResult } from "@/lib/train/training-config";

const metrics = (mse: number | null): Metrics => ({ MAE: mse, MSE: mse, RMSE: mse, MAPE: null, NRMSE: null, WAPE: null, sMAPE: null, MASE: null });

function model(kind: "naive" | "linear" | "seasonalNaive", testMse: number | null, steps = 3): ModelResult {
  return {
    kind,
    ...(kind === "linear" ? { alpha: 0, normalize: "none" } : kind === "seasonalNaive" ? { periodHours: 24 } : {}),
    fitSeconds: 0,
    validation: metrics(1),
    test: metrics(testMse),
    testScaled: metrics(testMse === null ? null : testMse / 10),
    testByStep: Array.from({ length: steps }, (_, i) => ({ step: i + 1, ...metrics(i) })),
    testByAveraging: Array.from({ length: steps }, (_, i) => ({ n: i + 1, ...metrics(10 + i) })),
  } as ModelResult;
}

describe("rankModels", () => {
  it("sorts by test MSE, marks the baselines and the best, and puts models without a test MSE last", () => {
    const ranked = rankModels([model("naive", 4), model("linear", null), model("linear", 1), model("seasonalNaive", 2)]);
    expect(ranked.map((r) => [r.model.kind, r.rank, r.baseline, r.best])).toEqual([
      ["linear", 1, false, true],
      ["seasonalNaive", 2, true, false],
      ["naive", 3, true, false],
      ["linear", 4, false, false],
    ]);
  });
  it("keeps the given order on ties and marks no best when nothing was tested", () => {
    const a = model("linear", 1);
    const b = model("naive", 1);
    expect(rankModels([a, b]).map((r) => r.model)).toEqual([a, b]);
    expect(rankModels([model("linear", null)])[0].best).toBe(false);
  });
});

describe("leaderboard views", () => {
  it("offers the parts, every step and every averaging all models share", () => {
    const views = leaderboardViews([model("naive", 1, 3), model("linear", 1, 2)]);
    expect(views.map(viewKey)).toEqual(["validation", "test", "testScaled", "step-1", "step-2", "averaging-1", "averaging-2"]);
    expect(leaderboardViews([]).map(viewKey)).toEqual(["validation", "test", "testScaled"]);
  });
  it("reads each view's metrics and round-trips view keys", () => {
    const m = model("linear", 5);
    expect(viewMetrics(m, { part: "test" })?.MSE).toBe(5);
    expect(viewMetrics(m, { part: "testScaled" })?.MSE).toBe(0.5);
    expect(viewMetrics(m, { part: "validation" })?.MSE).toBe(1);
    expect(viewMetrics(m, { part: "step", step: 2 })?.MSE).toBe(1);
    expect(viewMetrics(m, { part: "averaging", n: 3 })?.MSE).toBe(12);
    expect(viewMetrics(m, { part: "step", step: 9 })).toBeNull();
    for (const view of leaderboardViews([m])) expect(parseViewKey(viewKey(view))).toEqual(view);
    expect(parseViewKey("nonsense")).toEqual({ part: "test" });
  });
});
