import "server-only";
import type { Frame } from "@/lib/series/frame";
import type { ModelDocument } from "@/lib/train/model-document";
import { predictFromDocument } from "@/lib/train/predict";
import { loadLibsvm } from "./libsvm";
import { columnSeries } from "./load-training-series";
import { selectWasmBackend } from "./tensorflow-backend";

/**
 * A model's forecasts on a series, as a frame: `timestamp` = the reference time, one column
 * per output series and step, `<series>+<hours>h` (the CLI's `predict` and the app's
 * "apply model" write the same thing). Each input series of the model's config is the
 * column of the same name in `frame`; a missing one is a TrainingSeriesError naming it.
 */
export async function forecastFrame(document: ModelDocument, frame: Frame, source: string): Promise<{ frame: Frame; skipped: number }> {
  const inputs = document.config.inputs.map((series, i) => columnSeries(frame, series.column, `inputs.${i}`, source));
  await selectWasmBackend();
  const svm = document.model.kind === "svr" ? await loadLibsvm() : undefined;
  const forecasts = await predictFromDocument(document, inputs, { runtime: { svm } });
  const { values } = forecasts;
  return {
    frame: {
      time: forecasts.referenceTime,
      columns: forecasts.columns.map((name, c) => ({
        name,
        values: Float64Array.from({ length: values.rows }, (_, r) => values.data[r * values.cols + c]),
      })),
    },
    skipped: forecasts.skipped,
  };
}
