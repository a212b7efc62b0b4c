"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { seriesResponseSchema, type DatasetColumnView, type SeriesResponse } from "@/lib/contracts/dataset-view";
import { MAX_RAW_ROWS, rawPointsSchema, type RawPoints } from "@/lib/contracts/raw-points";
import { applyRecipe, type StepReport } from "@/lib/process/apply-recipe";
import { changedPoints, type ColumnChanges } from "@/lib/process/changed-points";
import type { Recipe } from "@/lib/process/recipe";
import { SpecError } from "@/lib/process/spec-errors";
import { valueStepsPrefix } from "@/lib/process/value-steps";
import type { Frame } from "@/lib/series/frame";
import { frameOfRawPoints } from "@/lib/series/raw-points";
import { fetchJson } from "./fetch-json";
import { useFetched } from "./hooks/use-fetched";
import { ColumnPicker } from "./column-picker";
import { CHART_COLORS, faded } from "./series-chart";
import { TimeChart, type ChartLine, type ChartMarker, type TimeRange } from "./time-chart";

type Loaded = { raw: RawPoints; overview: SeriesResponse | null };
type Outcome = { steps: StepReport[]; result: Frame; changes: ColumnChanges[] } | { error: string } | null;

const pointsOf = (time: Float64Array, values: Float64Array): [number, number | null][] => Array.from(time, (t, i) => [t, values[i] === values[i] ? values[i] : null]);

/**
 * The recipe's effect on the visible range, computed in the browser with the pure recipe
 * code on the raw rows of that range (at most MAX_RAW_ROWS; a larger range is drawn as an
 * overview and the user is asked to zoom in): original and result overlaid, removed values
 * crossed out, filled values ringed (by the steps before any shift or resample, whose rows
 * are new ones), and per step the counts.
 */
export function RecipePreview({ datasetId, columns, start, end, recipe }: { datasetId: string; columns: DatasetColumnView[]; start: number | null; end: number | null; recipe: Recipe | null }) {
  const t = useTranslations("process.preview");
  const tOps = useTranslations("process.ops");
  const tChart = useTranslations("dataset.chart");
  const locale = useLocale();
  const [chosen, setChosen] = useState<string[]>(() => columns.slice(0, 2).map((column) => column.name));
  const [range, setRange] = useState<TimeRange | null>(null);
  const shown: TimeRange | null = range ?? (start !== null && end !== null ? { from: start, to: end } : null);

  const { data: loaded, error, loading } = useFetched<Loaded>(
    shown
      ? async (signal) => {
          const bounds = { from: String(shown.from), to: String(shown.to) };
          const raw = rawPointsSchema.parse(await fetchJson(`/api/datasets/${datasetId}/points?${new URLSearchParams({ ...bounds, limit: String(MAX_RAW_ROWS) })}`, signal));
          const overview = raw.time
            ? null
            : seriesResponseSchema.parse(await fetchJson(`/api/datasets/${datasetId}/series?${new URLSearchParams({ ...bounds, columns: columns.map((c) => c.name).join(","), points: "1000" })}`, signal));
          return { raw, overview };
        }
      : null,
    // shown is derived from range, start and end.
    JSON.stringify([datasetId, range?.from, range?.to]),
    120,
  );

  const original = useMemo(() => (loaded ? frameOfRawPoints(loaded.raw) : null), [loaded]);
  const outcome: Outcome = useMemo(() => {
    if (!original || !recipe) return null;
    try {
      const { frame, steps } = applyRecipe(original, recipe);
      const prefix = valueStepsPrefix(recipe);
      const marked = prefix === recipe ? frame : applyRecipe(original, prefix).frame;
      return { steps, result: frame, changes: changedPoints(original, marked) };
    } catch (reason) {
      if (reason instanceof SpecError) return { error: reason.message };
      throw reason;
    }
  }, [original, recipe]);

  const colorOf = (name: string) => CHART_COLORS[Math.max(0, columns.findIndex((column) => column.name === name)) % CHART_COLORS.length];
  const unitOf = (name: string) => columns.find((column) => column.name === name)?.unit;
  const lines: ChartLine[] = [];
  const markers: ChartMarker[] = [];
  const result = outcome && "result" in outcome ? outcome : null;
  for (const name of chosen) {
    if (loaded?.overview) {
      const one = loaded.overview.series.find((series) => series.name === name);
      if (one) lines.push({ id: name, label: name, unit: one.unit, color: colorOf(name), points: one.points });
      continue;
    }
    const before = original?.columns.find((column) => column.name === name);
    if (!original || !before) continue;
    const after = result?.result.columns.find((column) => column.name === name);
    lines.push({ id: `${name} original`, label: t("original", { name }), unit: unitOf(name), color: after ? faded(colorOf(name)) : colorOf(name), points: pointsOf(original.time, before.values) });
    if (after && result) {
      lines.push({ id: `${name} result`, label: t("result", { name }), unit: unitOf(name), color: colorOf(name), points: pointsOf(result.result.time, after.values) });
      const changes = result.changes.find((one) => one.name === name);
      for (const [time, value] of changes?.removed ?? []) markers.push({ time, value, kind: "removed" });
      for (const [time, value] of changes?.filled ?? []) markers.push({ time, value, kind: "filled" });
    }
  }

  return (
    <div className="panel chart-panel" data-testid="recipe-preview">
      <div className="chart-tools">
        <ColumnPicker columns={columns} chosen={chosen} onChange={setChosen} colorOf={colorOf}>
          <span className="legend-item">
            <span className="marker-removed" /> {t("removedLegend")}
          </span>
          <span className="legend-item">
            <span className="marker-filled" /> {t("filledLegend")}
          </span>
        </ColumnPicker>
        <div className="actions">
          <span className="muted chart-status">{loading ? tChart("loading") : loaded ? t("rows", { rows: loaded.raw.rowsInRange.toLocaleString(locale) }) : null}</span>
          <button type="button" className="button" disabled={!range} onClick={() => setRange(null)} data-testid="preview-reset-zoom">
            {tChart("reset")}
          </button>
        </div>
      </div>
      {loaded?.overview ? (
        <p className="notice zoom-notice" data-testid="preview-zoom-in">
          {t("tooMany", { rows: loaded.raw.rowsInRange.toLocaleString(locale), limit: loaded.raw.limit.toLocaleString(locale) })}
        </p>
      ) : (
        <p className="muted chart-hint">{t("hint")}</p>
      )}
      {error ? <p className="error-text">{error}</p> : null}
      {outcome && "error" in outcome ? (
        <p className="error-text" data-testid="preview-error">
          {outcome.error}
        </p>
      ) : null}
      <TimeChart lines={lines} markers={markers} range={shown} onZoom={setRange} placeholder={chosen.length === 0 ? tChart("pick") : tChart("loading")} />
      {result && result.steps.length > 0 ? (
        <table className="files data-table step-counts" data-testid="preview-counts">
          <thead>
            <tr>
              <th>#</th>
              <th>{t("step")}</th>
              <th className="numeric">{t("removed")}</th>
              <th className="numeric">{t("filled")}</th>
              <th className="numeric">{t("rowsAfter")}</th>
            </tr>
          </thead>
          <tbody>
            {result.steps.map((step, index) => (
              <tr key={index} data-testid="preview-count-row">
                <td>{index + 1}</td>
                <td>{tOps(step.op)}</td>
                <td className="numeric">{step.removed.toLocaleString(locale)}</td>
                <td className="numeric">{step.filled.toLocaleString(locale)}</td>
                <td className="numeric">{step.rowsBefore === step.rowsAfter ? step.rowsAfter.toLocaleString(locale) : `${step.rowsBefore.toLocaleString(locale)} → ${step.rowsAfter.toLocaleString(locale)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
