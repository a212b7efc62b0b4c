"use client";

import { Line, type LineCustomSvgLayerProps, type LineSeries } from "@nivo/line";
import { useLocale } from "next-intl";
import { useEffect, useState } from "react";
import { useElementWidth } from "./hooks/use-element-width";

const MARGIN = { top: 16, right: 24, bottom: 56, left: 72 };
const HEIGHT = 360;
const MIN_DRAG_PX = 6;

export type TimeRange = { from: number; to: number };

/** One line: [time ms, value or null for a break]. */
export interface ChartLine {
  id: string;
  label: string;
  unit?: string;
  color: string;
  points: [number, number | null][];
}

/** A point drawn on top of the lines: a value a recipe removed (cross) or filled in (ring). */
export interface ChartMarker {
  time: number;
  value: number;
  kind: "removed" | "filled";
}

type PlotSeries = LineSeries & { id: string; data: { x: Date; y: number | null }[] };

/** The value of a line nearest to `time` (missing when the nearest point is a break). */
function nearest(points: [number, number | null][], time: number): [number, number | null] | null {
  if (points.length === 0) return null;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid][0] < time) lo = mid + 1;
    else hi = mid;
  }
  const before = points[Math.max(0, lo - 1)];
  const after = points[lo];
  return Math.abs(before[0] - time) <= Math.abs(after[0] - time) ? before : after;
}

function HoverReadout({ x, time, width, lines, locale }: { x: number; time: number; width: number; lines: ChartLine[]; locale: string }) {
  const rows = lines.map((line) => ({ line, point: nearest(line.points, time) }));
  const at = rows.find((row) => row.point)?.point?.[0] ?? time;
  return (
    <>
      <div className="chart-cursor" style={{ left: x }} />
      <div className="chart-readout" style={x > width / 2 ? { right: width - x + 10 } : { left: x + 10 }}>
        <div className="muted">{new Date(at).toLocaleString(locale, { dateStyle: "medium", timeStyle: "medium" })}</div>
        {rows.map(({ line, point }) => (
          <div key={line.id}>
            <span className="swatch" style={{ background: line.color }} /> {line.label}: <strong>{point && point[1] !== null ? point[1].toLocaleString(locale, { maximumFractionDigits: 4 }) : "–"}</strong>
            {line.unit ? ` ${line.unit}` : ""}
          </div>
        ))}
      </div>
    </>
  );
}

function tickText(date: Date, span: number, locale: string): string {
  if (span > 12 * 86_400_000) return date.toLocaleDateString(locale, { day: "2-digit", month: "2-digit", year: "2-digit" });
  if (span > 2 * 86_400_000) return date.toLocaleString(locale, { day: "2-digit", month: "2-digit", hour: "2-digit" });
  if (span > 6 * 3_600_000) return date.toLocaleString(locale, { day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" });
  return date.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", second: span < 600_000 ? "2-digit" : undefined });
}

function markerLayer(markers: ChartMarker[]) {
  return function Markers({ xScale, yScale }: LineCustomSvgLayerProps<PlotSeries>) {
    return (
      <g data-testid="chart-markers">
        {markers.map((marker, i) => {
          const x = xScale(new Date(marker.time));
          const y = yScale(marker.value);
          return marker.kind === "removed" ? (
            <path key={i} d={`M${x - 4},${y - 4}L${x + 4},${y + 4}M${x - 4},${y + 4}L${x + 4},${y - 4}`} stroke="var(--bad)" strokeWidth={2} data-marker="removed" />
          ) : (
            <circle key={i} cx={x} cy={y} r={4} fill="none" stroke="var(--ok)" strokeWidth={2} data-marker="filled" />
          );
        })}
      </g>
    );
  };
}

/**
 * A time chart of lines over `range` (times in the browser's zone) with optional markers;
 * dragging across the plot asks the owner to zoom into that range, hovering reads values.
 */
export function TimeChart({
  lines,
  markers = [],
  range,
  onZoom,
  onPlotWidth,
  placeholder,
}: {
  lines: ChartLine[];
  markers?: ChartMarker[];
  range: TimeRange | null;
  onZoom: (range: TimeRange) => void;
  /** Told the plot's width in pixels, e.g. to ask the server for about one point per pixel. */
  onPlotWidth?: (pixels: number) => void;
  placeholder: string;
}) {
  const locale = useLocale();
  const [box, width] = useElementWidth();
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const [hover, setHover] = useState<number | null>(null);

  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  useEffect(() => {
    if (innerWidth > 0) onPlotWidth?.(innerWidth);
  }, [innerWidth, onPlotWidth]);
  const toTime = (px: number) => (range ? range.from + (Math.min(innerWidth, Math.max(0, px)) / innerWidth) * (range.to - range.from) : 0);
  const plotX = (event: React.PointerEvent<HTMLDivElement>) => event.clientX - event.currentTarget.getBoundingClientRect().left;
  const series: PlotSeries[] = lines.map((line) => ({ id: line.id, data: line.points.map(([x, y]) => ({ x: new Date(x), y })) }));
  const colorOf = new Map(lines.map((line) => [line.id, line.color]));
  const span = range ? range.to - range.from : 0;

  return (
    <div ref={box} className="chart-box" style={{ height: HEIGHT }} data-testid="series-chart">
      {width > 0 && range && lines.length > 0 ? (
        <>
          <Line<PlotSeries>
            width={width}
            height={HEIGHT}
            data={series}
            margin={MARGIN}
            xScale={{ type: "time", min: new Date(range.from), max: new Date(range.to), useUTC: false }}
            yScale={{ type: "linear", min: "auto", max: "auto" }}
            axisBottom={{ tickValues: Math.max(2, Math.floor(innerWidth / 110)), format: (value: Date) => tickText(value, span, locale), tickPadding: 6 }}
            axisLeft={{ tickValues: 6, tickPadding: 6 }}
            colors={(one) => colorOf.get(String(one.id)) ?? "#5d6b7a"}
            // Sparse data (or isolated values between breaks) is drawn as points too.
            enablePoints={series.some((one) => one.data.length < innerWidth / 6)}
            pointSize={5}
            enableGridX={false}
            lineWidth={1.5}
            isInteractive={false}
            animate={false}
            curve="linear"
            layers={markers.length > 0 ? ["grid", "axes", "lines", "points", markerLayer(markers)] : ["grid", "axes", "lines", "points"]}
            theme={{ text: { fontSize: 12, fill: "#5d6b7a" }, grid: { line: { stroke: "#e9edf2" } }, axis: { domain: { line: { stroke: "#dde3ea" } } } }}
          />
          <div
            className="chart-drag"
            style={{ left: MARGIN.left, top: MARGIN.top, width: innerWidth, height: HEIGHT - MARGIN.top - MARGIN.bottom }}
            onPointerDown={(event) => {
              event.currentTarget.setPointerCapture(event.pointerId);
              const x = plotX(event);
              setDrag({ from: x, to: x });
            }}
            onPointerMove={(event) => {
              if (drag) setDrag({ ...drag, to: plotX(event) });
              else setHover(plotX(event));
            }}
            onPointerLeave={() => setHover(null)}
            onPointerUp={() => {
              if (drag && Math.abs(drag.to - drag.from) >= MIN_DRAG_PX) {
                const a = toTime(Math.min(drag.from, drag.to));
                const b = toTime(Math.max(drag.from, drag.to));
                if (b > a) onZoom({ from: a, to: b });
              }
              setDrag(null);
            }}
            onPointerCancel={() => setDrag(null)}
            data-testid="chart-drag"
          >
            {drag ? <div className="chart-selection" style={{ left: Math.max(0, Math.min(drag.from, drag.to)), width: Math.abs(drag.to - drag.from) }} /> : null}
            {!drag && hover !== null ? <HoverReadout x={hover} time={toTime(hover)} width={innerWidth} lines={lines} locale={locale} /> : null}
          </div>
        </>
      ) : (
        <div className="empty">{placeholder}</div>
      )}
    </div>
  );
}
