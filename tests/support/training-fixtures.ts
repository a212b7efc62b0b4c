import type { Frame } from "@/lib/series/frame";
import type { TrainingConfigInput } from "@/lib/train/training-config";

const QUARTER_HOUR = 15 * 60_000;
const ROWS = 30 * 96;

/** A month of quarter-hourly building load following the outdoor temperature and the time of day. */
export function buildingFrame(): Frame {
  const t0 = Date.UTC(2024, 0, 1);
  const outdoor = Float64Array.from({ length: ROWS }, (_, i) => 5 + 6 * Math.sin((2 * Math.PI * i) / 96) + ((i * 7919) % 17) / 17);
  const load = Float64Array.from({ length: ROWS }, (_, i) => 40 - 1.5 * outdoor[i] + 4 * Math.cos((2 * Math.PI * i) / 96) + ((i * 104729) % 13) / 13);
  return { time: Float64Array.from({ length: ROWS }, (_, i) => t0 + i * QUARTER_HOUR), columns: [{ name: "outdoor", values: outdoor }, { name: "load", values: load }] };
}

/** Two baselines and a net long enough to be interrupted mid-training, over `buildingFrame`. */
export function interruptibleTrainingConfig(datasetId: string, epochs: number): TrainingConfigInput {
  return {
    version: 1,
    inputs: [
      { datasetId, column: "outdoor", startHours: -2, endHours: 0 },
      { datasetId, column: "load", startHours: -2, endHours: 0 },
    ],
    outputs: [{ datasetId, column: "load", startHours: 0.25, endHours: 1 }],
    steps: { inputSteps: 9, outputSteps: 4, stepMinutes: 15 },
    models: [{ kind: "naive" }, { kind: "linear" }, { kind: "dense", layers: 1, units: 8, epochs, patience: epochs, batchSize: 16 }],
  };
}
