import type { Metrics, ModelResult } from "./training-config";

/**
 * The leaderboard of a training run: models ranked by test MSE (the contract's yardstick),
 * naive baselines marked, and which metrics a view shows — validation, test, test on scaled
 * values, one output step, or the output steps averaged in blocks of n.
 */
export type LeaderboardView =
  | { part: "validation" }
  | { part: "test" }
  | { part: "testScaled" }
  | { part: "step"; step: number }
  | { part: "averaging"; n: number };

export interface RankedModel<Model extends ModelResult = ModelResult> {
  model: Model;
  rank: number;
  baseline: boolean;
  best: boolean;
}

export const isBaseline = (kind: ModelResult["kind"]) => kind === "naive" || kind === "seasonalNaive";

/** Ranked by test MSE, ascending; a model without one (no test samples) comes last; ties keep their order. */
export function rankModels<Model extends ModelResult>(models: Model[]): RankedModel<Model>[] {
  const mse = (model: Model) => model.test.MSE ?? Number.POSITIVE_INFINITY;
  const sorted = models.map((model, index) => ({ model, index })).sort((a, b) => mse(a.model) - mse(b.model) || a.index - b.index);
  return sorted.map(({ model }, i) => ({ model, rank: i + 1, baseline: isBaseline(model.kind), best: i === 0 && model.test.MSE !== null }));
}

/** The views a run offers: the parts, each output step and each averaging that all its models have. */
export function leaderboardViews(models: ModelResult[]): LeaderboardView[] {
  const parts: LeaderboardView[] = [{ part: "validation" }, { part: "test" }, { part: "testScaled" }];
  if (models.length === 0) return parts;
  const steps = Math.min(...models.map((model) => model.testByStep.length));
  const averaging = Math.min(...models.map((model) => model.testByAveraging.length));
  return [
    ...parts,
    ...Array.from({ length: steps }, (_, i) => ({ part: "step" as const, step: i + 1 })),
    ...Array.from({ length: averaging }, (_, i) => ({ part: "averaging" as const, n: i + 1 })),
  ];
}

export function viewMetrics(model: ModelResult, view: LeaderboardView): Metrics | null {
  switch (view.part) {
    case "validation":
      return model.validation;
    case "test":
      return model.test;
    case "testScaled":
      return model.testScaled;
    case "step":
      return model.testByStep.find((entry) => entry.step === view.step) ?? null;
    case "averaging":
      return model.testByAveraging.find((entry) => entry.n === view.n) ?? null;
  }
}

/** A view as text for a form control, and back (an unknown text is the test view). */
export function viewKey(view: LeaderboardView): string {
  if (view.part === "step") return `step-${view.step}`;
  if (view.part === "averaging") return `averaging-${view.n}`;
  return view.part;
}

export function parseViewKey(key: string): LeaderboardView {
  const match = /^(step|averaging)-(\d+)$/.exec(key);
  if (match) return match[1] === "step" ? { part: "step", step: Number(match[2]) } : { part: "averaging", n: Number(match[2]) };
  if (key === "validation" || key === "testScaled") return { part: key };
  return { part: "test" };
}
