import { describe, expect, it } from "vitest";
import { bandChart } from "@/lib/analysis/band-chart";
import { regressionBand } from "@/lib/analysis/regression-band";
import { bandChartSchema } from "@/lib/contracts/regression-band-view";
import type { Frame } from "@/lib/series/frame";

const start = Date.UTC(2024, 0, 1);

/** x = i, y = 2x + 1 with every fifth point lifted far above the line. */
function lineWithOutliers(n: number): Frame {
  const time = Float64Array.from({ length: n }, (_, i) => start + i * 900_000);
  const x = Float64Array.from({ length: n }, (_, i) => i);
  const y = Float64Array.from(x, (v, i) => 2 * v + 1 + (i % 5 === 4 ? 1000 : 0));
  return { time, columns: [{ name: "x", values: x }, { name: "y", values: y }] };
}

describe("bandChart", () => {
  it("keeps exact counts and fit, and draws every point of a small band", () => {
    const band = regressionBand(lineWithOutliers(50), lineWithOutliers(50), { kind: "linear", tolerance: "constant", xColumn: "x", yColumn: "y", tolCnt: 500 });
    const chart = bandChart(band);
    expect(bandChartSchema.parse(JSON.parse(JSON.stringify(chart)))).toEqual(chart);
    expect(chart.counts).toEqual({ points: 50, inside: 40, outside: 10 });
    expect(chart.drawn.inside).toHaveLength(40);
    expect(chart.drawn.outside).toHaveLength(10);
    expect(chart.drawn.outside[0]).toEqual([4, 1009]);
    expect(chart.equation).toBe(band.equation);
    expect(chart.r2).toBe(band.r2);
    expect(chart.tolCnt).toBe(500);
    expect(chart.tolDep).toBeNull();
  });

  it("thins a large band evenly to the limit, keeping the inside/outside proportion", () => {
    const frame = lineWithOutliers(100_000);
    const band = regressionBand(frame, frame, { kind: "linear", tolerance: "constant", xColumn: "x", yColumn: "y", tolCnt: 500 });
    const chart = bandChart(band, 5000);
    expect(chart.counts).toEqual({ points: 100_000, inside: 80_000, outside: 20_000 });
    const drawn = chart.drawn.inside.length + chart.drawn.outside.length;
    expect(drawn).toBe(5000);
    expect(chart.drawn.outside.length / drawn).toBeCloseTo(0.2, 1);
    // The first and last points are among those drawn.
    expect([...chart.drawn.inside, ...chart.drawn.outside].map((p) => p[0])).toEqual(expect.arrayContaining([0, 99_999]));
  });

  it("samples the curve and a dependent band on an even grid of x over the points' range", () => {
    const frame = lineWithOutliers(21);
    const band = regressionBand(frame, frame, { kind: "quadratic", tolerance: "dependent", xColumn: "x", yColumn: "y", tolCnt: 3, tolDep: 0.5 });
    const chart = bandChart(band, 5000, 5);
    expect(chart.curve.map((point) => point[0])).toEqual([0, 5, 10, 15, 20]);
    for (const [x, p, lower, upper] of chart.curve) {
      const [b, c1, c2] = band.coefficients;
      expect(p).toBeCloseTo(c2 * x * x + c1 * x + b, 9);
      expect(upper - p).toBeCloseTo(0.5 * Math.abs(p) + 3, 9);
      expect(p - lower).toBeCloseTo(0.5 * Math.abs(p) + 3, 9);
    }
  });

  it("a constant band is the curve shifted by tolCnt both ways", () => {
    const frame = lineWithOutliers(30);
    const chart = bandChart(regressionBand(frame, frame, { kind: "linear", tolerance: "constant", xColumn: "x", yColumn: "y", tolCnt: 7 }), 5000, 3);
    expect(chart.curve).toHaveLength(3);
    for (const [, p, lower, upper] of chart.curve) {
      expect(upper - p).toBeCloseTo(7, 9);
      expect(p - lower).toBeCloseTo(7, 9);
    }
  });
});
