import { describe, expect, it } from "vitest";
import { forecastChart, type OutputColumns } from "@/lib/train/forecast-chart";
import type { Frame } from "@/lib/series/frame";

const H = 3_600_000;
// Two output series: a with steps +1 h, +2 h; b with one step at +3 h.
const outputs: OutputColumns[] = [
  { label: "a", offset: 0, steps: 2, offsetsMs: [H, 2 * H] },
  { label: "b", offset: 2, steps: 1, offsetsMs: [3 * H] },
];

function frameOf(samples: number): Frame {
  const time = Float64Array.from({ length: samples }, (_, i) => i * H);
  const column = (name: string, f: (i: number) => number) => ({ name, values: Float64Array.from({ length: samples }, (_, i) => f(i)) });
  return {
    time,
    columns: [column("a+1h", (i) => i + 0.1), column("a+2h", (i) => i + 0.2), column("b+3h", (i) => (i === 1 ? NaN : -i)), column("a+1h actual", (i) => i), column("a+2h actual", (i) => i + 1), column("b+3h actual", (i) => -i - 1)],
  };
}

describe("forecastChart", () => {
  it("shows one sample's steps at their target times, missing values as null", () => {
    const chart = forecastChart(frameOf(3), outputs, { sample: 1 }, 100);
    expect(chart).toEqual({
      samples: 3,
      steps: 2,
      referenceTime: H,
      series: [
        { name: "a", points: [[2 * H, 1, 1.1], [3 * H, 2, 1.2]] },
        { name: "b", points: [[4 * H, -2, null]] },
      ],
    });
  });
  it("shows one step over the test period, the step clamped to each series' length, a sample past the end clamped", () => {
    const chart = forecastChart(frameOf(3), outputs, { step: 2 }, 100);
    expect(chart.series[0].points).toEqual([[2 * H, 1, 0.2], [3 * H, 2, 1.2], [4 * H, 3, 2.2]]);
    expect(chart.series[1].points.map((p) => p[0])).toEqual([3 * H, 4 * H, 5 * H]);
    expect(forecastChart(frameOf(3), outputs, { sample: 99 }, 100).referenceTime).toBe(2 * H);
  });
  it("reduces a long test period to about maxPoints per series, keeping the ends", () => {
    const chart = forecastChart(frameOf(5000), outputs, { step: 1 }, 200);
    const points = chart.series[0].points;
    expect(points.length).toBeLessThanOrEqual(200);
    expect(points.length).toBeGreaterThan(90);
    expect(points[0][0]).toBe(H);
    expect(points.at(-1)![0]).toBe(4999 * H + H);
    expect(points.every((p, i) => i === 0 || p[0] > points[i - 1][0])).toBe(true);
  });
  it("answers an empty test part without points, and rejects a frame of another layout", () => {
    expect(forecastChart(frameOf(0), outputs, { step: 1 }, 100).series).toEqual([{ name: "a", points: [] }, { name: "b", points: [] }]);
    expect(() => forecastChart({ time: new Float64Array(0), columns: [] }, outputs, { step: 1 }, 100)).toThrow(/expected 6/);
  });
});
