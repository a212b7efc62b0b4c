"use client";

import { Line } from "@nivo/line";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { forecastChartSchema, type TrainedModelView } from "@/lib/contracts/training-run";
import { fetchJson } from "./fetch-json";
import { useElementWidth } from "./hooks/use-element-width";
import { useFetched } from "./hooks/use-fetched";
import { bestModelId, TrainedModelOptions } from "./trained-model-options";

const ACTUAL_COLORS = ["#17202a", "#5d6b7a", "#2b8a3e"];
const FORECAST_COLORS = ["#1f6feb", "#d9480f", "#9c36b5"];
const MARGIN = { top: 16, right: 24, bottom: 76, left: 72 };
const HEIGHT = 340;

type Mode = "sample" | "step";

const dateTime = (ms: number, locale: string) => new Date(ms).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });

function tickText(date: Date, span: number, locale: string): string {
  if (span > 3 * 86_400_000) return date.toLocaleDateString(locale, { day: "2-digit", month: "2-digit", year: "2-digit" });
  return date.toLocaleString(locale, { day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" });
}

/**
 * Forecast against the measured values on the test part: all output steps of one chosen
 * test sample, or one chosen step over the whole test period; times in the browser's zone.
 */
export function ForecastChart({ models }: { models: TrainedModelView[] }) {
  const t = useTranslations("trainingRuns.chart");
  const locale = useLocale();
  const [box, width] = useElementWidth();
  const [modelId, setModelId] = useState(() => bestModelId(models));
  const [mode, setMode] = useState<Mode>("sample");
  const [sample, setSample] = useState(0);
  const [step, setStep] = useState(1);

  const url = `/api/trained-models/${modelId}/forecasts?${mode === "sample" ? `sample=${sample}` : `step=${step}`}`;
  const { data, error } = useFetched(modelId ? async (signal) => forecastChartSchema.parse(await fetchJson(url, signal)) : null, url);

  const samples = data?.samples ?? 0;
  const steps = data?.steps ?? 0;
  const series = (data?.series ?? []).flatMap((one, i) => [
    { id: t("actual", { series: one.name }), color: ACTUAL_COLORS[i % ACTUAL_COLORS.length], data: one.points.map(([x, actual]) => ({ x: new Date(x), y: actual })) },
    { id: t("forecast", { series: one.name }), color: FORECAST_COLORS[i % FORECAST_COLORS.length], data: one.points.map(([x, , forecast]) => ({ x: new Date(x), y: forecast })) },
  ]);
  const times = (data?.series ?? []).flatMap((one) => one.points.map((point) => point[0]));
  const first = times.length > 0 ? Math.min(...times) : 0;
  const span = times.length > 1 ? Math.max(...times) - first : 0;
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  // Ticks at the points' own times when they fit, else evenly spaced: the time scale's own choice crowds the labels.
  const tickCount = span > 0 ? Math.max(2, Math.min(8, Math.floor(innerWidth / 150))) : 1;
  const distinctTimes = [...new Set(times)].sort((a, b) => a - b);
  const ticks =
    distinctTimes.length <= tickCount
      ? distinctTimes.map((time) => new Date(time))
      : Array.from({ length: tickCount }, (_, i) => new Date(first + (tickCount > 1 ? (i * span) / (tickCount - 1) : 0)));
  const fewPoints = series.every((one) => one.data.length <= 200);

  return (
    <div className="panel chart-panel" data-testid="forecast-chart">
      <div className="chart-tools forecast-tools">
        <label className="inline-label">
          {t("model")}{" "}
          <select value={modelId} onChange={(event) => setModelId(event.target.value)} data-testid="forecast-model">
            <TrainedModelOptions models={models} />
          </select>
        </label>
        <div className="segmented" role="radiogroup" aria-label={t("mode")}>
          {(["sample", "step"] as const).map((option) => (
            <label key={option} className="column-choice">
              <input type="radio" name="forecast-mode" checked={mode === option} onChange={() => setMode(option)} data-testid={`forecast-mode-${option}`} />
              {t(`modes.${option}`)}
            </label>
          ))}
        </div>
        {mode === "sample" ? (
          <div className="actions">
            <button type="button" className="button" disabled={sample <= 0} onClick={() => setSample(Math.max(0, sample - 1))} aria-label={t("previous")}>
              ‹
            </button>
            <label className="inline-label">
              {t("sample")}{" "}
              <input
                type="number"
                className="narrow-input"
                min={1}
                max={Math.max(1, samples)}
                value={sample + 1}
                onChange={(event) => setSample(Math.min(Math.max(0, samples - 1), Math.max(0, Math.floor(Number(event.target.value) || 1) - 1)))}
                data-testid="forecast-sample"
              />{" "}
              {t("of", { count: samples })}
            </label>
            <button type="button" className="button" disabled={sample >= samples - 1} onClick={() => setSample(Math.min(samples - 1, sample + 1))} aria-label={t("next")}>
              ›
            </button>
          </div>
        ) : (
          <label className="inline-label">
            {t("step")}{" "}
            <select value={step} onChange={(event) => setStep(Number(event.target.value))} data-testid="forecast-step">
              {Array.from({ length: steps }, (_, k) => (
                <option key={k + 1} value={k + 1}>
                  {k + 1}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="muted chart-hint">
        {mode === "sample" && data?.referenceTime != null ? t("sampleHint", { time: dateTime(data.referenceTime, locale) }) : t("stepHint", { step, count: samples })}
      </p>
      {error ? <p className="error-text">{error}</p> : null}
      <div ref={box} className="chart-box" style={{ height: HEIGHT }}>
        {width > 0 && data && times.length > 0 ? (
          <Line
            width={width}
            height={HEIGHT}
            data={series}
            margin={MARGIN}
            xScale={{ type: "time", useUTC: false }}
            yScale={{ type: "linear", min: "auto", max: "auto" }}
            axisBottom={{ tickValues: ticks, format: (value: Date) => tickText(value, span, locale), tickPadding: 6 }}
            axisLeft={{ tickValues: 6, tickPadding: 6 }}
            colors={(one) => (one as { color: string }).color}
            enablePoints={fewPoints}
            pointSize={5}
            enableGridX={false}
            lineWidth={1.5}
            isInteractive={false}
            animate={false}
            legends={[{ anchor: "bottom-left", direction: "row", translateY: 66, itemWidth: 200, itemHeight: 16, symbolSize: 10 }]}
            theme={{ text: { fontSize: 12, fill: "#5d6b7a" }, grid: { line: { stroke: "#e9edf2" } }, axis: { domain: { line: { stroke: "#dde3ea" } } } }}
          />
        ) : (
          <div className="empty">{data && times.length === 0 ? t("empty") : t("loading")}</div>
        )}
      </div>
    </div>
  );
}
