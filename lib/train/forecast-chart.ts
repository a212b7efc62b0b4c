import { lttbIndices } from "../analysis/lttb";
import type { ForecastChart, ForecastChartQuery } from "../contracts/training-run";
import type { Frame } from "../series/frame";

/** Where an output series' steps sit among the forecast columns (the feature layout's output blocks). */
export interface OutputColumns {
  label: string;
  offset: number;
  steps: number;
  offsetsMs: number[];
}

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

/**
 * Chart data from a test-forecast frame (`testForecastFrame`): for one sample, every output
 * step at its target time; for one step, every test sample at its target time, reduced to
 * about `maxPoints` per series (largest-triangle buckets of the actual and the forecast
 * line together, so neither line's peaks are lost). A sample or step past the end is clamped.
 */
export function forecastChart(frame: Frame, outputs: OutputColumns[], query: ForecastChartQuery, maxPoints: number): ForecastChart {
  const width = outputs.reduce((sum, block) => sum + block.steps, 0);
  if (frame.columns.length !== 2 * width) throw new Error(`expected ${2 * width} forecast columns, found ${frame.columns.length}`);
  const samples = frame.time.length;
  const steps = Math.max(0, ...outputs.map((block) => block.steps));
  const forecast = (c: number) => frame.columns[c].values;
  const actual = (c: number) => frame.columns[width + c].values;
  if (samples === 0) return { samples, steps, referenceTime: null, series: outputs.map((block) => ({ name: block.label, points: [] })) };

  if ("sample" in query) {
    const row = Math.min(query.sample, samples - 1);
    const reference = frame.time[row];
    return {
      samples,
      steps,
      referenceTime: reference,
      series: outputs.map((block) => ({
        name: block.label,
        points: block.offsetsMs.map((ms, k) => [reference + ms, finiteOrNull(actual(block.offset + k)[row]), finiteOrNull(forecast(block.offset + k)[row])]),
      })),
    };
  }

  return {
    samples,
    steps,
    referenceTime: null,
    series: outputs.map((block) => {
      const k = Math.min(query.step, block.steps) - 1;
      const x = Float64Array.from(frame.time, (t) => t + block.offsetsMs[k]);
      const measured = actual(block.offset + k);
      const predicted = forecast(block.offset + k);
      const half = Math.max(3, Math.floor(maxPoints / 2));
      const rows = samples <= maxPoints ? Array.from(frame.time.keys()) : [...new Set([...lttbIndices(x, measured, half), ...lttbIndices(x, predicted, half)])].sort((a, b) => a - b);
      return { name: block.label, points: rows.map((r) => [x[r], finiteOrNull(measured[r]), finiteOrNull(predicted[r])]) };
    }),
  };
}
