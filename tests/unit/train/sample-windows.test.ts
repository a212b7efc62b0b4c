import { describe, expect, it } from "vitest";
import { buildSampleWindows, windowOffsetsMs, type SeriesData } from "@/lib/train/sample-windows";

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

/** A series at `times` (hours after T0) with value = f(hours). */
function series(hours: number[], f: (h: number) => number = (h) => h): SeriesData {
  return { time: Float64Array.from(hours, (h) => T0 + h * H), values: Float64Array.from(hours, f) };
}

const range = (n: number, step = 1) => Array.from({ length: n }, (_, i) => i * step);
const steps = (inputSteps: number, outputSteps: number, stepMinutes = 60, offsetMinutes = 0) => ({ inputSteps, outputSteps, stepMinutes, offsetMinutes });

describe("windowOffsetsMs", () => {
  it("spreads the steps evenly over [start, end], and one step is the end", () => {
    expect(Array.from(windowOffsetsMs({ startHours: -2, endHours: 0, method: "linear" }, 3))).toEqual([-2 * H, -H, 0]);
    expect(Array.from(windowOffsetsMs({ startHours: -2, endHours: 1, method: "linear" }, 1))).toEqual([H]);
  });
});

describe("buildSampleWindows", () => {
  it("anchors to the hour, strides by stepMinutes and keeps only samples whose windows fit", () => {
    const s = series(range(24));
    const result = buildSampleWindows(
      [{ series: s, window: { startHours: -2, endHours: 0, method: "linear" } }],
      [{ series: s, window: { startHours: 1, endHours: 2, method: "linear" } }],
      steps(3, 2),
    );
    // t_ref from 02:00 (inputs reach back 2 h) to 21:00 (outputs reach 2 h ahead of 23:00).
    expect(result.candidates).toBe(20);
    expect(result.skipped).toBe(0);
    expect(result.referenceTime[0]).toBe(T0 + 2 * H);
    expect(result.referenceTime[19]).toBe(T0 + 21 * H);
    expect(Array.from(result.inputs.data.subarray(0, 3))).toEqual([0, 1, 2]);
    expect(Array.from(result.outputs.data.subarray(0, 2))).toEqual([3, 4]);
    expect(Array.from(result.outputs.data.subarray(38, 40))).toEqual([22, 23]);
  });

  it("interpolates linearly in time between neighbouring rows", () => {
    const s = series(range(10, 2), (h) => 10 * h);
    const result = buildSampleWindows([{ series: s, window: { startHours: -3, endHours: 0, method: "linear" } }], [], steps(4, 1));
    // t_ref = 03:00: values at 00, 01, 02, 03 → 0, 10, 20, 30.
    expect(result.referenceTime[0]).toBe(T0 + 3 * H);
    expect(Array.from(result.inputs.data.subarray(0, 4))).toEqual([0, 10, 20, 30]);
    expect(result.inputs.rows).toBe(16);
  });

  it("starts at floorToHour(first common time) + offset and respects stride", () => {
    const s = { time: Float64Array.from(range(40), (i) => T0 + 20 * 60_000 + i * 15 * 60_000), values: Float64Array.from(range(40)) };
    const result = buildSampleWindows([{ series: s, window: { startHours: 0, endHours: 0, method: "nearest" } }], [], steps(1, 1, 30, 40));
    // first time 00:20 → anchor 00:40, then every 30 min.
    expect(result.referenceTime[0]).toBe(T0 + 40 * 60_000);
    expect(result.referenceTime[1] - result.referenceTime[0]).toBe(30 * 60_000);
  });

  it("skips samples with a missing value and counts why, per series", () => {
    const s = series(range(12), (h) => (h === 5 ? NaN : h));
    const other = series(range(12));
    const result = buildSampleWindows(
      [
        { series: s, window: { startHours: -1, endHours: 0, method: "linear" } },
        { series: other, window: { startHours: -1, endHours: 0, method: "linear" } },
      ],
      [{ series: s, window: { startHours: 1, endHours: 1, method: "linear" } }],
      steps(2, 1),
    );
    // candidates t_ref 1…10; row 5 is read as input by t_ref 5 and 6, as output by t_ref 4.
    expect(result.candidates).toBe(10);
    expect(result.skipped).toBe(3);
    expect(result.skippedBySeries).toEqual({ inputs: [2, 0], outputs: [1] });
    expect(Array.from(result.referenceTime, (t) => (t - T0) / H)).toEqual([1, 2, 3, 7, 8, 9, 10]);
  });

  it("treats a missing neighbour of an interpolated time as missing", () => {
    const s = series([0, 2, 4, 6], (h) => (h === 4 ? NaN : h));
    const result = buildSampleWindows([{ series: s, window: { startHours: 0, endHours: 0, method: "linear" } }], [], steps(1, 1));
    // 03:00 and 05:00 lie next to the missing row, 04:00 is on it; 06:00 is an exact row.
    expect(Array.from(result.referenceTime, (t) => (t - T0) / H)).toEqual([0, 1, 2, 6]);
    expect(result.skipped).toBe(3);
  });

  it("mean: the mean of the present values over the whole window, repeated", () => {
    const s = series(range(10), (h) => (h === 3 ? NaN : h));
    const result = buildSampleWindows([{ series: s, window: { startHours: -4, endHours: 0, method: "mean" } }], [], steps(3, 1));
    // t_ref 04:00: values 0,1,2,(3 missing),4 → mean 7/4.
    expect(Array.from(result.inputs.data.subarray(0, 3))).toEqual([1.75, 1.75, 1.75]);
    expect(result.skipped).toBe(0);
  });

  it("nearest: the closest present value within half a step", () => {
    const s = { time: Float64Array.from([0, 50, 130, 200], (m) => T0 + m * 60_000), values: Float64Array.from([1, 2, 3, 4]) };
    const result = buildSampleWindows([{ series: s, window: { startHours: -2, endHours: 0, method: "nearest" } }], [], steps(3, 1, 60, 0));
    // t_ref 02:00 → times 00:00, 01:00, 02:00; half step = 30 min: 1 (exact), 2 (10 min away), 3 (10 min away).
    expect(result.referenceTime[0]).toBe(T0 + 2 * H);
    expect(Array.from(result.inputs.data.subarray(0, 3))).toEqual([1, 2, 3]);
    // t_ref 03:00 → 01:00 (nearest 00:50), 02:00 (02:10), 03:00 (nearest 03:20 is 20 min away) → 2, 3, 4.
    expect(Array.from(result.inputs.data.subarray(3, 6))).toEqual([2, 3, 4]);
  });

  it("gives nothing for an empty series and honours an aborted signal", () => {
    const empty = { time: new Float64Array(0), values: new Float64Array(0) };
    expect(buildSampleWindows([{ series: empty, window: { startHours: 0, endHours: 0, method: "linear" } }], [], steps(1, 1)).candidates).toBe(0);
    const controller = new AbortController();
    controller.abort();
    expect(() =>
      buildSampleWindows([{ series: series(range(5)), window: { startHours: 0, endHours: 0, method: "linear" } }], [], steps(1, 1), controller.signal),
    ).toThrow();
  });
});
