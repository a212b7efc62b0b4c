import { lttbIndices } from "../analysis/lttb";
import type { PreparedSamples, TrainingSeries } from "./prepare-samples";
import type { SeriesData } from "./sample-windows";
import { lowerBound, upperBound } from "./sorted-search";

/**
 * A few samples as one would draw them on the series: for each distinct series (inputs and
 * outputs of the same source and column are one series), the measured values around the
 * sample's reference time and the window values the sample took from it — its input
 * window, its output window, or both.
 */
export type SamplePart = "train" | "validation" | "test" | "unused";

export interface WindowValues {
  /** UTC epoch ms of each step. */
  times: number[];
  values: number[];
}

export interface ExampleSeries {
  key: string;
  label: string;
  /** Measured values around the sample, [UTC ms, value or null where missing]. */
  points: [number, number | null][];
  input: WindowValues | null;
  output: WindowValues | null;
}

export interface SampleExample {
  /** Index of the sample among the kept ones, in time order. */
  sample: number;
  referenceTime: number;
  part: SamplePart;
  series: ExampleSeries[];
}

const MAX_POINTS = 800;
const HOUR_MS = 3_600_000;

/** Indices of `count` samples spread evenly over `total`, first and last included. */
export function spreadIndices(total: number, count: number): number[] {
  if (total <= 0 || count <= 0) return [];
  if (count === 1 || total === 1) return [0];
  const n = Math.min(count, total);
  return Array.from({ length: n }, (_, k) => Math.round((k * (total - 1)) / (n - 1)));
}

function partsOf(prepared: Pick<PreparedSamples, "referenceTime" | "split">): SamplePart[] {
  const parts = new Array<SamplePart>(prepared.referenceTime.length).fill("unused");
  for (const [part, indices] of [["train", prepared.split.train], ["validation", prepared.split.validation], ["test", prepared.split.test]] as const) {
    for (const index of indices) parts[index] = part;
  }
  return parts;
}

function measured(series: SeriesData, from: number, to: number): [number, number | null][] {
  const lo = lowerBound(series.time, from);
  const hi = upperBound(series.time, to, lo);
  const time = series.time.subarray(lo, hi);
  const values = series.values.subarray(lo, hi);
  const kept = time.length > MAX_POINTS ? Array.from(lttbIndices(time, values, MAX_POINTS)) : Array.from({ length: time.length }, (_, i) => i);
  return kept.map((i) => [time[i], Number.isNaN(values[i]) ? null : values[i]]);
}

export function sampleExamples(
  series: TrainingSeries,
  prepared: Pick<PreparedSamples, "layout" | "referenceTime" | "inputs" | "outputs" | "split">,
  samples: number[],
): SampleExample[] {
  const { layout, inputs, outputs } = prepared;
  const parts = partsOf(prepared);
  const distinct = new Map<string, { label: string; data: SeriesData; input?: number; output?: number }>();
  layout.inputSeries.forEach((block, i) => {
    if (!distinct.has(block.key)) distinct.set(block.key, { label: block.label, data: series.inputs[i], input: i });
  });
  layout.outputSeries.forEach((block, i) => {
    const known = distinct.get(block.key);
    if (known) known.output ??= i;
    else distinct.set(block.key, { label: block.label, data: series.outputs[i], output: i });
  });
  return samples.map((sample) => {
    const referenceTime = prepared.referenceTime[sample];
    const windowOf = (offsetsMs: number[], data: Float64Array, from: number): WindowValues => ({
      times: offsetsMs.map((offset) => referenceTime + offset),
      values: Array.from(data.subarray(from, from + offsetsMs.length)),
    });
    return {
      sample,
      referenceTime,
      part: parts[sample],
      series: [...distinct].map(([key, entry]) => {
        const inputBlock = entry.input === undefined ? undefined : layout.inputSeries[entry.input];
        const outputBlock = entry.output === undefined ? undefined : layout.outputSeries[entry.output];
        const input = inputBlock ? windowOf(inputBlock.offsetsMs, inputs.data, sample * inputs.cols + inputBlock.offset) : null;
        const output = outputBlock ? windowOf(outputBlock.offsetsMs, outputs.data, sample * outputs.cols + outputBlock.offset) : null;
        const times = [...(input?.times ?? []), ...(output?.times ?? []), referenceTime];
        const first = Math.min(...times);
        const last = Math.max(...times);
        // Some context either side, so the windows are seen within the series.
        const margin = Math.max((last - first) * 0.25, HOUR_MS);
        return { key, label: entry.label, points: measured(entry.data, first - margin, last + margin), input, output };
      }),
    };
  });
}
