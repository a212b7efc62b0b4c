import { summariseDistribution, type DistributionSummary } from "./distribution-summary";
import type { PreparedSamples } from "./prepare-samples";

/**
 * The distribution of each input and output feature over the training samples (what the
 * scalers are fitted on): a series pools every step of its window, as the original's
 * violin plots did; each time feature is one distribution (in the "window" form its
 * per-step columns pool into one, e.g. every `d_sin@…h` into `d_sin`).
 */
export interface FeatureDistribution {
  role: "input" | "output" | "time";
  /** Index of the series in `inputs`/`outputs` of the config, or of the time feature. */
  index: number;
  label: string;
  summary: DistributionSummary | null;
}

/** The values of `columns` in the training rows of a row-major matrix. */
function trainingValues(data: Float64Array, cols: number, rows: ArrayLike<number>, columns: number[]): Float64Array {
  const values = new Float64Array(rows.length * columns.length);
  let at = 0;
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r] * cols;
    for (const column of columns) values[at++] = data[base + column];
  }
  return values;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);

export function featureDistributions(prepared: Pick<PreparedSamples, "layout" | "inputs" | "outputs" | "split">): FeatureDistribution[] {
  const { layout, inputs, outputs } = prepared;
  const train = prepared.split.train;
  const timeColumns = new Map<string, number[]>();
  layout.timeFeatures.forEach((name, k) => {
    const base = name.split("@")[0];
    timeColumns.set(base, [...(timeColumns.get(base) ?? []), layout.timeFeatureOffset + k]);
  });
  return [
    ...layout.inputSeries.map((block, index) => ({
      role: "input" as const,
      index,
      label: block.label,
      summary: summariseDistribution(trainingValues(inputs.data, inputs.cols, train, range(block.offset, block.steps))),
    })),
    ...[...timeColumns].map(([label, columns], index) => ({
      role: "time" as const,
      index,
      label,
      summary: summariseDistribution(trainingValues(inputs.data, inputs.cols, train, columns)),
    })),
    ...layout.outputSeries.map((block, index) => ({
      role: "output" as const,
      index,
      label: block.label,
      summary: summariseDistribution(trainingValues(outputs.data, outputs.cols, train, range(block.offset, block.steps))),
    })),
  ];
}
