import { findColumn } from "@/lib/series/frame";
import { computeMetrics } from "@/lib/train/metrics";
import { applyScaler, invertScaler } from "@/lib/train/scalers";
import { selectRows } from "@/lib/train/matrix";
import { trainLinear } from "@/lib/train/models/linear";
import { prepareSamples } from "@/lib/train/prepare-samples";
import { trainingConfigSchema } from "@/lib/train/training-config";
import { ingestFile } from "@/server/ingest/ingest-file";
import { ETTH1_CSV } from "@/tests/support/fixtures";
import { benchPath, measure, median, type BenchContext, type BenchResult, type BenchTask } from "../run";

/**
 * Ordinary least squares on the ETTh1 benchmark windows (8,449 × 96 → 96): the fit of our
 * `linear` model against scikit-learn's LinearRegression on the same windows
 * (bench/linear_fit_reference.py), both timed around the fit alone, medians of `repeats`
 * fits. The notes compare the standardised test MSE of both fits.
 */
const config = trainingConfigSchema.parse({
  version: 1,
  inputs: [{ file: "ETTh1.csv", column: "OT", startHours: -95, endHours: 0 }],
  outputs: [{ file: "ETTh1.csv", column: "OT", startHours: 1, endHours: 96 }],
  steps: { inputSteps: 96, outputSteps: 96, stepMinutes: 60 },
  scaling: "standard",
  split: { validationFrom: "2017-06-26T00:00:00Z", testFrom: "2017-10-24T00:00:00Z", until: "2018-02-21T00:00:00Z" },
  models: [{ kind: "linear" }],
});

async function oursOnEtth1(file: string, repeats: number): Promise<{ seconds: number; standardisedTestMse: number }> {
  const { frame } = await ingestFile(file);
  const series = { time: frame.time, values: findColumn(frame, "OT")!.values };
  const prepared = prepareSamples(config, { inputs: [series], outputs: [series] });
  const { layout, inputScaler, outputScaler, split } = prepared;
  const train = { inputs: applyScaler(selectRows(prepared.inputs, split.train), inputScaler), outputs: applyScaler(selectRows(prepared.outputs, split.train), outputScaler) };
  const context = { layout, inputScaler, outputScaler };
  const seconds: number[] = [];
  let model = trainLinear(context, train, 0, "none");
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    model = trainLinear(context, train, 0, "none");
    seconds.push((performance.now() - started) / 1000);
  }
  const forecast = invertScaler(model.predict(applyScaler(selectRows(prepared.inputs, split.test), inputScaler)), outputScaler);
  const testMse = computeMetrics(selectRows(prepared.outputs, split.test), forecast).MSE as number;
  const validationFrom = Date.parse("2017-06-26T00:00:00Z");
  let sum = 0;
  let squares = 0;
  let n = 0;
  for (let i = 0; i < series.time.length && series.time[i] < validationFrom; i++) {
    sum += series.values[i];
    squares += series.values[i] ** 2;
    n++;
  }
  return { seconds: median(seconds), standardisedTestMse: testMse / (squares / n - (sum / n) ** 2) };
}

const task: BenchTask = {
  name: "linear-fit",
  async run(ctx: BenchContext): Promise<BenchResult> {
    const ours = await oursOnEtth1(ETTH1_CSV, ctx.repeats);
    const run = await measure(ctx.python, [benchPath("linear_fit_reference.py"), ETTH1_CSV, String(ctx.repeats)]);
    const reference = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { fitSeconds: number; standardisedTestMSE: number };
    return {
      task: "linear-fit",
      oursSeconds: ours.seconds,
      referenceSeconds: reference.fitSeconds,
      ratio: ours.seconds / reference.fitSeconds,
      notes: `OLS 8449x96->96 fit only; standardised test MSE ours ${ours.standardisedTestMse.toFixed(5)} vs scikit-learn ${reference.standardisedTestMSE.toFixed(5)}`,
    };
  },
};

export default task;
