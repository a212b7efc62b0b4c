import type { Frame } from "../series/frame";
import type { TestForecasts } from "./run-training";

export const ACTUAL_SUFFIX = " actual";

/**
 * One model's test forecasts as a frame, stored beside the model and downloaded as CSV:
 * `timestamp` = the sample's reference time, then each forecast column (named as
 * `predict` names them, `<series>+<hours>h`), then the measured values of the same
 * columns (`<series>+<hours>h actual`). Rows in time order, since a shuffled split lists
 * its test samples in any order.
 */
export function testForecastFrame(test: TestForecasts, columns: string[]): Frame {
  const { referenceTime, actual, forecast } = test;
  if (forecast.cols !== columns.length || actual.cols !== columns.length) throw new Error(`expected ${columns.length} forecast columns, got ${forecast.cols}`);
  const order = Array.from(referenceTime.keys()).sort((a, b) => referenceTime[a] - referenceTime[b]);
  const column = (matrix: TestForecasts["actual"], c: number) => Float64Array.from(order, (row) => matrix.data[row * matrix.cols + c]);
  return {
    time: Float64Array.from(order, (row) => referenceTime[row]),
    columns: [
      ...columns.map((name, c) => ({ name, values: column(forecast, c) })),
      ...columns.map((name, c) => ({ name: `${name}${ACTUAL_SUFFIX}`, values: column(actual, c) })),
    ],
  };
}
