"use client";

import { Line } from "@nivo/line";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { seriesResponseSchema, type DatasetColumnView, type SeriesResponse } from "@/lib/contracts/dataset-view";

const COLORS = ["#1f6feb", "#d9480f", "#2b8a3e", "#9c36b5", "#0c8599", "#e67700", "#c2255c", "#5c940d"];
const MARGIN = { top: 16, right: 24, bottom: 56, left: 72 };
const HEIGHT = 360;
const MIN_DRAG_PX = 6;

type Range = { from: number; to: number };

/** The value of each series nearest to `time` (missing when the nearest point is a break). */
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

function HoverReadout({ x, time, width, data, colorOf }: { x: number; time: number; width: number; data: SeriesResponse; colorOf: (name: string) => string }) {
  const rows = data.series.map((one) => ({ one, point: nearest(one.points, time) }));
  const at = rows.find((row) => row.point)?.point?.[0] ?? time;
  return (
    <>
      <div className="chart-cursor" style={{ left: x }} />
      <div className="chart-readout" style={x > width / 2 ? { right: width - x + 10 } : { left: x + 10 }}>
        <div className="muted">{new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" })}</div>
        {rows.map(({ one, point }) => (
          <div key={one.name}>
            <span className="swatch" style={{ background: colorOf(one.name) }} /> {one.name}: <strong>{point && point[1] !== null ? point[1].toLocaleString(undefined, { maximumFractionDigits: 4 }) : "–"}</strong>
            {one.unit ? ` ${one.unit}` : ""}
          </div>
        ))}
      </div>
    </>
  );
}

function tickText(date: Date, span: number): string {
  if (span > 12 * 86_400_000) return date.toLocaleDateString(undefined, { day: "2-digit", month: "2-digit", year: "2-digit" });
  if (span > 2 * 86_400_000) return date.toLocaleString(undefined, { day: "2-digit", month: "2-digit", hour: "2-digit" });
  if (span > 6 * 3_600_000) return date.toLocaleString(undefined, { day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" });
  return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: span < 600_000 ? "2-digit" : undefined });
}

/**
 * A line chart of the chosen columns. The server downsamples to about one point per pixel
 * of the visible range; dragging across the plot zooms into that range at full detail.
 * Missing values and long gaps are breaks in the line; times are in the browser's zone.
 */
export function SeriesChart({ datasetId, columns, start, end }: { datasetId: string; columns: DatasetColumnView[]; start: number | null; end: number | null }) {
  const t = useTranslations("dataset.chart");
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [chosen, setChosen] = useState<string[]>(() => columns.slice(0, 2).map((column) => column.name));
  const [range, setRange] = useState<Range | null>(null);
  const [data, setData] = useState<SeriesResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const [hover, setHover] = useState<number | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => setWidth(Math.floor(entries[0].contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const points = Math.min(5000, Math.max(100, innerWidth));
  const shown: Range | null = range ?? (start !== null && end !== null ? { from: start, to: end } : null);

  useEffect(() => {
    if (width === 0 || chosen.length === 0 || !shown) return;
    const controller = new AbortController();
    const query = new URLSearchParams({ columns: chosen.join(","), points: String(points) });
    if (range) {
      query.set("from", String(range.from));
      query.set("to", String(range.to));
    }
    const timer = setTimeout(() => {
      setLoading(true);
      fetch(`/api/datasets/${datasetId}/series?${query}`, { signal: controller.signal, cache: "no-store" })
        .then(async (response) => {
          const body = await response.json();
          if (!response.ok) throw new Error(body.error ?? response.statusText);
          setData(seriesResponseSchema.parse(body));
          setError(null);
        })
        .catch((reason: unknown) => {
          if (!controller.signal.aborted) setError(reason instanceof Error ? reason.message : String(reason));
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // shown is derived from range, start and end.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [datasetId, chosen.join(","), range?.from, range?.to, points, width]);

  const toTime = (px: number) => (shown ? shown.from + (Math.min(innerWidth, Math.max(0, px)) / innerWidth) * (shown.to - shown.from) : 0);
  const plotX = (event: React.PointerEvent<HTMLDivElement>) => event.clientX - event.currentTarget.getBoundingClientRect().left;

  const series = (data?.series ?? []).map((one) => ({
    id: one.unit ? `${one.name} [${one.unit}]` : one.name,
    data: one.points.map(([x, y]) => ({ x: new Date(x), y })),
  }));
  const colorOf = (name: string) => COLORS[columns.findIndex((column) => column.name === name) % COLORS.length];
  const span = shown ? shown.to - shown.from : 0;

  return (
    <div className="panel chart-panel">
      <div className="chart-tools">
        <fieldset className="column-picker">
          <legend>{t("columns")}</legend>
          {columns.map((column) => (
            <label key={column.name} className="column-choice">
              <input
                type="checkbox"
                checked={chosen.includes(column.name)}
                onChange={(event) =>
                  setChosen((current) => (event.target.checked ? columns.map((c) => c.name).filter((name) => name === column.name || current.includes(name)) : current.filter((name) => name !== column.name)))
                }
              />
              <span className="swatch" style={{ background: colorOf(column.name) }} />
              {column.name}
              {column.unit ? <span className="unit"> [{column.unit}]</span> : null}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <span className="muted chart-status">
            {loading ? t("loading") : data ? t("points", { rows: data.rowsInRange.toLocaleString(), points: series.reduce((sum, one) => sum + one.data.length, 0).toLocaleString() }) : null}
          </span>
          <button type="button" className="button" disabled={!range} onClick={() => setRange(null)} data-testid="reset-zoom">
            {t("reset")}
          </button>
        </div>
      </div>
      <p className="muted chart-hint">{t("hint")}</p>
      {error ? <p className="error-text">{error}</p> : null}
      <div ref={box} className="chart-box" style={{ height: HEIGHT }} data-testid="series-chart">
        {width > 0 && shown && chosen.length > 0 ? (
          <>
            <Line
              width={width}
              height={HEIGHT}
              data={series}
              margin={MARGIN}
              xScale={{ type: "time", min: new Date(shown.from), max: new Date(shown.to), useUTC: false }}
              yScale={{ type: "linear", min: "auto", max: "auto" }}
              axisBottom={{ tickValues: Math.max(2, Math.floor(innerWidth / 110)), format: (value: Date) => tickText(value, span), tickPadding: 6 }}
              axisLeft={{ tickValues: 6, tickPadding: 6 }}
              colors={(one) => colorOf(String(data?.series[series.findIndex((s) => s.id === one.id)]?.name ?? ""))}
              // Sparse data (or isolated values between breaks) is drawn as points too.
              enablePoints={series.some((one) => one.data.length < innerWidth / 6)}
              pointSize={5}
              enableGridX={false}
              lineWidth={1.5}
              isInteractive={false}
              animate={false}
              curve="linear"
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
                  if (b > a) setRange({ from: a, to: b });
                }
                setDrag(null);
              }}
              onPointerCancel={() => setDrag(null)}
              data-testid="chart-drag"
            >
              {drag ? <div className="chart-selection" style={{ left: Math.max(0, Math.min(drag.from, drag.to)), width: Math.abs(drag.to - drag.from) }} /> : null}
              {!drag && hover !== null && data ? <HoverReadout x={hover} time={toTime(hover)} width={innerWidth} data={data} colorOf={colorOf} /> : null}
            </div>
          </>
        ) : (
          <div className="empty">{chosen.length === 0 ? t("pick") : t("loading")}</div>
        )}
      </div>
    </div>
  );
}
