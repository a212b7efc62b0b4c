"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { SamplePreview } from "@/lib/contracts/training-project";
import type { FeatureDistribution } from "@/lib/train/feature-distributions";
import { FeatureBoxPlot } from "./feature-box-plot";
import { INPUT_COLOR, OUTPUT_COLOR, SampleWindowChart } from "./sample-window-chart";

export type PreviewState =
  | { status: "incomplete"; message: string }
  | { status: "loading"; last: SamplePreview | null }
  | { status: "ready"; preview: SamplePreview }
  | { status: "error"; message: string; last: SamplePreview | null };

const TIME_COLOR = "#2b8a3e";

/** How many samples the saved settings make, each feature's distribution over the training part, and a few samples drawn on their series. */
export function TrainingSamplePreview({ state }: { state: PreviewState }) {
  const t = useTranslations("training.preview");
  const locale = useLocale();
  const count = (value: number) => value.toLocaleString(locale);
  // A rounded cosine near zero reads "0", not "-0".
  const number = (value: number) => value.toLocaleString(locale, { maximumFractionDigits: 3, signDisplay: "negative" });
  const [chosen, setChosen] = useState(0);
  const preview = state.status === "ready" ? state.preview : state.status === "incomplete" ? null : state.last;
  const example = preview?.examples[Math.min(chosen, preview.examples.length - 1)];
  const group = (role: FeatureDistribution["role"]) => preview?.distributions.filter((feature) => feature.role === role) ?? [];

  return (
    <section className="preview" data-testid="sample-preview" data-status={state.status} aria-busy={state.status === "loading"}>
      <div className="toolbar">
        <h2>{t("title")}</h2>
        <span className="muted">{state.status === "loading" ? t("counting") : t("hint")}</span>
      </div>
      {state.status === "incomplete" ? (
        <div className="panel report" data-testid="preview-message">
          <p className="muted">{t("incomplete", { problem: state.message })}</p>
        </div>
      ) : null}
      {state.status === "error" ? (
        <div className="notice error" data-testid="preview-message">
          {state.message}
        </div>
      ) : null}
      {preview ? (
        <div className={state.status === "ready" ? undefined : "stale"}>
          <div className="stat-grid" data-testid="sample-counts">
            {(["candidates", "train", "validation", "test", "skipped", "dropped"] as const).map((key) => (
              <div className="stat" key={key} data-count={key}>
                <span>{t(`counts.${key}`)}</span>
                <strong>{count(preview.summary[key])}</strong>
              </div>
            ))}
            <div className="stat">
              <span>{t("counts.features")}</span>
              <strong>
                {count(preview.features.inputs)} → {count(preview.features.outputs)}
              </strong>
            </div>
          </div>
          {preview.summary.skippedBySeries.length > 0 ? (
            <div className="panel report" data-testid="skipped-by-series">
              <p>{t("skippedWhy")}</p>
              <ul className="plain-list">
                {preview.summary.skippedBySeries.map((entry) => (
                  <li key={`${entry.role}-${entry.index}`} className="warn-text">
                    {t("skippedSeries", { count: entry.count, role: entry.role, position: entry.index + 1, column: entry.column })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.summary.train === 0 ? <p className="warn-text">{t("noTraining")}</p> : null}

          <h3>{t("distributions")}</h3>
          <p className="muted hint">{t("distributionsHint")}</p>
          <div className="distributions" data-testid="distributions">
            {([["input", INPUT_COLOR], ["time", TIME_COLOR], ["output", OUTPUT_COLOR]] as const).map(([role, color]) =>
              group(role).length > 0 ? (
                <div key={role} className="distribution-group">
                  <h4>{t(`roles.${role}`)}</h4>
                  <div className="box-row">
                    {group(role).map((feature) =>
                      feature.summary ? (
                        <FeatureBoxPlot
                          key={`${role}-${feature.index}`}
                          label={feature.label}
                          summary={feature.summary}
                          color={color}
                          caption={t("boxCaption", { median: number(feature.summary.median), n: count(feature.summary.count), outliers: count(feature.summary.outliers) })}
                        />
                      ) : (
                        <p key={`${role}-${feature.index}`} className="muted">
                          {feature.label}: {t("noValues")}
                        </p>
                      ),
                    )}
                  </div>
                </div>
              ) : null,
            )}
          </div>

          <h3>{t("examples")}</h3>
          {example ? (
            <>
              <div className="example-picker" role="group" aria-label={t("examples")}>
                {preview.examples.map((one, index) => (
                  <button
                    type="button"
                    key={one.sample}
                    className={`button${index === chosen ? " primary" : ""}`}
                    aria-pressed={index === chosen}
                    onClick={() => setChosen(index)}
                    data-testid="example-choice"
                  >
                    {t("exampleChoice", { sample: count(one.sample + 1), part: t(`parts.${one.part}`), time: new Date(one.referenceTime).toLocaleString(locale, { dateStyle: "short", timeStyle: "short" }) })}
                  </button>
                ))}
              </div>
              <p className="muted hint">{t("examplesHint")}</p>
              <div className="window-grid">
                {example.series.map((series) => (
                  <SampleWindowChart key={series.key} series={series} referenceTime={example.referenceTime} labels={{ measured: t("measured"), input: t("inputWindow"), output: t("outputWindow") }} />
                ))}
              </div>
            </>
          ) : (
            <p className="muted">{t("noSamples")}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
