"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { TrainedModelView } from "@/lib/contracts/training-run";
import { describeModel } from "@/lib/train/describe-model";
import { useModelWords } from "./hooks/use-model-words";
import { leaderboardViews, parseViewKey, rankModels, viewKey, viewMetrics, type LeaderboardView, type RankedModel } from "@/lib/train/leaderboard";
import { METRIC_NAMES, type ModelResult } from "@/lib/train/training-config";

/**
 * The run's models ranked by test MSE, baselines marked and the best highlighted; a selector
 * switches the metrics between validation, test, test on scaled values, one output step and
 * the steps averaged in blocks of n. The lowest value of each metric in the view is bold.
 */
export function TrainingLeaderboard({ models }: { models: TrainedModelView[] }) {
  const t = useTranslations("trainingRuns.leaderboard");
  const modelWords = useModelWords();
  const locale = useLocale();
  const metricNumber = new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 });
  const seconds = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const [key, setKey] = useState("test");
  const results = models.map((model) => ({ ...model.result, view: model }));
  const ranked: RankedModel<ModelResult & { view: TrainedModelView }>[] = rankModels(results);
  const views = leaderboardViews(results);
  const view = parseViewKey(key);
  const rows = ranked.map((entry) => ({ entry, metrics: viewMetrics(entry.model, view) }));
  const lowest = Object.fromEntries(METRIC_NAMES.map((name) => [name, Math.min(...rows.map((row) => row.metrics?.[name] ?? Number.POSITIVE_INFINITY))]));
  const label = (option: LeaderboardView) =>
    option.part === "step" ? t("view.step", { step: option.step }) : option.part === "averaging" ? t("view.averaging", { n: option.n }) : t(`view.${option.part}`);

  return (
    <div className="panel table-wrap leaderboard" data-testid="leaderboard">
      <div className="table-tools">
        <span className="muted">{t("sorted")}</span>
        <label className="inline-label">
          {t("metrics")}{" "}
          <select value={key} onChange={(event) => setKey(event.target.value)} data-testid="leaderboard-view">
            {views.map((option) => (
              <option key={viewKey(option)} value={viewKey(option)}>
                {label(option)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="files data-table">
        <thead>
          <tr>
            <th className="numeric">#</th>
            <th>{t("model")}</th>
            {METRIC_NAMES.map((name) => (
              <th key={name} className="numeric">
                {name}
                {name === "MAPE" || name === "WAPE" || name === "sMAPE" ? <span className="unit"> %</span> : null}
              </th>
            ))}
            <th className="numeric">{t("fit")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ entry, metrics }) => (
            <tr key={entry.model.view.id} className={entry.best ? "best" : undefined} data-testid="leaderboard-row" data-kind={entry.model.kind} data-best={entry.best || undefined}>
              <td className="numeric">{entry.rank}</td>
              <td>
                <span className="model-name">{describeModel(entry.model, modelWords)}</span> {entry.baseline ? <span className="badge baseline">{t("baseline")}</span> : null}
                {entry.best ? <span className="badge ready">{t("best")}</span> : null}
                <div className="file-meta model-downloads">
                  <a href={`/api/trained-models/${entry.model.view.id}/model`} download data-testid="download-model">
                    {t("modelJson")}
                  </a>{" "}
                  ·{" "}
                  <a href={`/api/trained-models/${entry.model.view.id}/forecasts?format=csv`} download data-testid="download-forecasts">
                    {t("forecastsCsv")}
                  </a>
                </div>
              </td>
              {METRIC_NAMES.map((name) => {
                const value = metrics?.[name] ?? null;
                return (
                  <td key={name} className="numeric">
                    {value === null ? "–" : value === lowest[name] && rows.length > 1 ? <strong>{metricNumber.format(value)}</strong> : metricNumber.format(value)}
                  </td>
                );
              })}
              <td className="numeric">
                {seconds.format(entry.model.fitSeconds)} s
                {entry.model.epochsRun !== undefined ? <div className="file-meta">{t("epochs", { count: entry.model.epochsRun })}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
