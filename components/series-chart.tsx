"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { seriesResponseSchema, type DatasetColumnView, type SeriesResponse } from "@/lib/contracts/dataset-view";
import { ColumnPicker } from "./column-picker";
import { fetchJson } from "./fetch-json";
import { useFetched } from "./hooks/use-fetched";
import { TimeChart, type ChartLine, type TimeRange } from "./time-chart";

export const CHART_COLORS = ["#1f6feb", "#d9480f", "#2b8a3e", "#9c36b5", "#0c8599", "#e67700", "#c2255c", "#5c940d"];
/** The same hue, lighter: the second of two overlaid versions of one column. */
export const faded = (color: string) => `${color}66`;

async function fetchSeries(datasetId: string, query: URLSearchParams, signal: AbortSignal): Promise<SeriesResponse> {
  return seriesResponseSchema.parse(await fetchJson(`/api/datasets/${datasetId}/series?${query}`, signal));
}

/**
 * A line chart of the chosen columns. The server downsamples to about one point per pixel
 * of the visible range; dragging across the plot zooms into that range at full detail.
 * Missing values and long gaps are breaks in the line; times are in the browser's zone.
 * With `compareWith`, the same columns of that dataset (e.g. the parent version) are drawn
 * lighter underneath.
 */
export function SeriesChart({
  datasetId,
  columns,
  start,
  end,
  compareWith,
}: {
  datasetId: string;
  columns: DatasetColumnView[];
  start: number | null;
  end: number | null;
  compareWith?: { datasetId: string; label: string };
}) {
  const t = useTranslations("dataset.chart");
  const locale = useLocale();
  const [plotWidth, setPlotWidth] = useState(0);
  const [chosen, setChosen] = useState<string[]>(() => columns.slice(0, 2).map((column) => column.name));
  const [range, setRange] = useState<TimeRange | null>(null);

  const points = Math.min(5000, Math.max(100, plotWidth));
  const shown: TimeRange | null = range ?? (start !== null && end !== null ? { from: start, to: end } : null);

  const query = new URLSearchParams({ columns: chosen.join(","), points: String(points) });
  if (range) {
    query.set("from", String(range.from));
    query.set("to", String(range.to));
  } else if (compareWith && shown) {
    query.set("from", String(shown.from));
    query.set("to", String(shown.to));
  }
  const { data, error, loading } = useFetched(
    plotWidth === 0 || chosen.length === 0 || !shown
      ? null
      : async (signal) => {
          const [main, other] = await Promise.all([
            fetchSeries(datasetId, query, signal),
            // The other version may lack a column: it is then simply not drawn.
            compareWith ? fetchSeries(compareWith.datasetId, query, signal).catch(() => null) : Promise.resolve(null),
          ]);
          return { main, other };
        },
    // shown is derived from range, start and end.
    JSON.stringify([datasetId, compareWith?.datasetId, chosen, range?.from, range?.to, points, plotWidth]),
    120,
  );

  const colorOf = (name: string) => CHART_COLORS[columns.findIndex((column) => column.name === name) % CHART_COLORS.length];
  const lineOf = (one: SeriesResponse["series"][number], suffix: string | null): ChartLine => ({
    id: suffix ? `${one.name} (${suffix})` : one.name,
    label: suffix ? `${one.name} (${suffix})` : one.name,
    unit: one.unit,
    color: suffix ? faded(colorOf(one.name)) : colorOf(one.name),
    points: one.points,
  });
  const lines = [...(data?.other?.series.map((one) => lineOf(one, compareWith?.label ?? null)) ?? []), ...(data?.main.series.map((one) => lineOf(one, null)) ?? [])];

  return (
    <div className="panel chart-panel">
      <div className="chart-tools">
        <ColumnPicker columns={columns} chosen={chosen} onChange={setChosen} colorOf={colorOf}>
          {compareWith ? (
            <span className="column-choice muted" data-testid="compare-legend">
              <span className="swatch" style={{ background: faded(CHART_COLORS[0]) }} />
              {compareWith.label}
            </span>
          ) : null}
        </ColumnPicker>
        <div className="actions">
          <span className="muted chart-status">
            {loading ? t("loading") : data ? t("points", { rows: data.main.rowsInRange.toLocaleString(locale), points: data.main.series.reduce((sum, one) => sum + one.points.length, 0).toLocaleString(locale) }) : null}
          </span>
          <button type="button" className="button" disabled={!range} onClick={() => setRange(null)} data-testid="reset-zoom">
            {t("reset")}
          </button>
        </div>
      </div>
      <p className="muted chart-hint">{t("hint")}</p>
      {error ? <p className="error-text">{error}</p> : null}
      <TimeChart lines={chosen.length > 0 ? lines : []} range={shown} onZoom={setRange} onPlotWidth={setPlotWidth} placeholder={chosen.length === 0 ? t("pick") : t("loading")} />
    </div>
  );
}
