"use client";

import { useLocale } from "next-intl";
import { ResponsiveLine, type LineCustomSvgLayerProps, type LineSeries } from "@nivo/line";
import type { ExampleSeries } from "@/lib/train/sample-examples";

const HEIGHT = 220;
export const INPUT_COLOR = "#1f6feb";
export const OUTPUT_COLOR = "#d9480f";
const MEASURED_COLOR = "#9aa7b4";

type Point = { x: Date; y: number | null };
type ChartSeries = LineSeries & { id: string; data: Point[] };

/** Tick labels: the time of day while the chart spans less than a day and a half, else the date too. */
const timeText = (date: Date, spanMs: number, locale: string) =>
  spanMs < 36 * 3_600_000 ? date.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" }) : date.toLocaleString(locale, { day: "2-digit", month: "2-digit", hour: "2-digit" });

/** Shaded spans of the input and output windows behind the lines. */
function windowBands(series: ExampleSeries) {
  return function WindowBands({ xScale, innerHeight }: LineCustomSvgLayerProps<ChartSeries>) {
    const band = (times: number[], color: string) => {
      const from = xScale(new Date(times[0]));
      const to = xScale(new Date(times[times.length - 1]));
      return <rect x={from} width={Math.max(2, to - from)} y={0} height={innerHeight} fill={color} opacity={0.1} />;
    };
    return (
      <g>
        {series.input ? band(series.input.times, INPUT_COLOR) : null}
        {series.output ? band(series.output.times, OUTPUT_COLOR) : null}
      </g>
    );
  };
}

/** The values the sample took, as dots on the window lines (the measured line has none: it may have hundreds). */
function windowPoints(measured: string) {
  return function WindowPoints({ series }: LineCustomSvgLayerProps<ChartSeries>) {
    return (
      <g>
        {series
          .filter((one) => one.id !== measured)
          .flatMap((one) => one.data.map((point, k) => <circle key={`${one.id}-${k}`} cx={point.position.x} cy={point.position.y} r={3} fill={one.color} />))}
      </g>
    );
  };
}

/** One series around a sample: the measured values, and the input and output windows the sample took from it. */
export function SampleWindowChart({ series, referenceTime, labels }: { series: ExampleSeries; referenceTime: number; labels: { measured: string; input: string; output: string } }) {
  const locale = useLocale();
  const data: ChartSeries[] = [{ id: labels.measured, data: series.points.map(([x, y]) => ({ x: new Date(x), y })) }];
  if (series.input) data.push({ id: labels.input, data: series.input.times.map((x, k) => ({ x: new Date(x), y: series.input!.values[k] })) });
  if (series.output) data.push({ id: labels.output, data: series.output.times.map((x, k) => ({ x: new Date(x), y: series.output!.values[k] })) });
  const spanMs = (series.points.at(-1)?.[0] ?? referenceTime) - (series.points[0]?.[0] ?? referenceTime);
  const colors: Record<string, string> = { [labels.measured]: MEASURED_COLOR, [labels.input]: INPUT_COLOR, [labels.output]: OUTPUT_COLOR };
  return (
    <figure className="window-card" data-testid="sample-window" data-series={series.label}>
      <figcaption>
        <strong>{series.label}</strong>
      </figcaption>
      <div style={{ height: HEIGHT }}>
        <ResponsiveLine<ChartSeries>
          data={data}
          margin={{ top: 10, right: 30, bottom: 40, left: 56 }}
          xScale={{ type: "time", useUTC: false }}
          yScale={{ type: "linear", min: "auto", max: "auto" }}
          axisBottom={{ tickValues: 4, format: (value: Date) => timeText(value, spanMs, locale), tickPadding: 6 }}
          axisLeft={{ tickValues: 5, tickPadding: 4 }}
          colors={(one) => colors[String(one.id)]}
          lineWidth={1.5}
          enablePoints={false}
          enableGridX={false}
          markers={[{ axis: "x", value: new Date(referenceTime), lineStyle: { stroke: "#17202a", strokeDasharray: "4 3", strokeWidth: 1 } }]}
          layers={["grid", windowBands(series), "markers", "axes", "lines", windowPoints(labels.measured)]}
          isInteractive={false}
          animate={false}
          theme={{ text: { fontSize: 11, fill: "#5d6b7a" }, grid: { line: { stroke: "#e9edf2" } }, axis: { domain: { line: { stroke: "#dde3ea" } } } }}
        />
      </div>
    </figure>
  );
}
