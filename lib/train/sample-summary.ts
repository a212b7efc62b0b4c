import type { PreparedSamples } from "./prepare-samples";
import type { TrainingConfig } from "./training-config";

/**
 * What a project's settings make, before anything is trained: the samples per part, how
 * many were skipped for a missing value and in which series, and how many a date split
 * dropped (outputs straddling a boundary or past `until`).
 */
export interface SampleSummary {
  candidates: number;
  train: number;
  validation: number;
  test: number;
  skipped: number;
  dropped: number;
  /** Per series with a missing value in some window: how many candidates it spoiled (several series may spoil the same one). */
  skippedBySeries: { role: "input" | "output"; index: number; column: string; count: number }[];
}

export function summariseSamples(config: Pick<TrainingConfig, "inputs" | "outputs">, prepared: PreparedSamples): SampleSummary {
  const bySeries = (role: "input" | "output", counts: number[], columns: { column: string }[]) =>
    counts.flatMap((count, index) => (count > 0 ? [{ role, index, column: columns[index].column, count }] : []));
  return {
    candidates: prepared.candidates,
    train: prepared.split.train.length,
    validation: prepared.split.validation.length,
    test: prepared.split.test.length,
    skipped: prepared.skipped,
    dropped: prepared.split.dropped,
    skippedBySeries: [
      ...bySeries("input", prepared.skippedBySeries.inputs, config.inputs),
      ...bySeries("output", prepared.skippedBySeries.outputs, config.outputs),
    ],
  };
}
