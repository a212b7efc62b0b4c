"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { previewRegressionBand } from "@/app/analyses/actions";
import { deriveDataset } from "@/app/datasets/actions";
import { DEFAULT_TOL_CNT_SHARE_OF_RANGE, DEFAULT_TOL_DEP, REGRESSION_KINDS, TOLERANCE_KINDS, type RegressionSpec } from "@/lib/analysis/regression-spec";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import type { BandChart } from "@/lib/contracts/regression-band-view";
import type { SeriesSource } from "@/lib/contracts/series-source";
import { BandScatter } from "./band-scatter";
import { DerivationProgress } from "./derivation-run";
import { choiceIn, SeriesPicker, type SeriesChoice } from "./series-picker";

interface Drawn {
  x: SeriesChoice;
  y: SeriesChoice;
  spec: RegressionSpec;
}

const numberOrUndefined = (text: string) => (text.trim() === "" ? undefined : Number(text));

/**
 * The regression band: x and y series, the fit and the tolerance; Draw computes the band in
 * a worker thread on the server and shows the scatter, the equation, R² and the counts; the
 * inside points of what is drawn can be exported as a new dataset (a job with live progress).
 */
export function RegressionBandWorkspace({ sources, transport }: { sources: SeriesSource[]; transport: LiveTransport }) {
  const t = useTranslations("analyses.band");
  const locale = useLocale();
  const formatNumber = (value: number) => value.toLocaleString(locale, { maximumSignificantDigits: 6 });
  const [x, setX] = useState<SeriesChoice>(() => choiceIn(sources[0], ""));
  // Default y: the same dataset's second column (e.g. a load beside the outdoor temperature).
  const [y, setY] = useState<SeriesChoice>(() => choiceIn(sources[0], "", 1));
  const [kind, setKind] = useState<RegressionSpec["kind"]>("linear");
  const [tolerance, setTolerance] = useState<RegressionSpec["tolerance"]>("constant");
  const [tolCnt, setTolCnt] = useState("");
  const [tolDep, setTolDep] = useState("");
  const [error, setError] = useState<{ text: string; inData?: boolean } | null>(null);
  const [drawn, setDrawn] = useState<{ chart: BandChart; request: Drawn } | null>(null);
  const [exportName, setExportName] = useState("");
  const [exportRun, setExportRun] = useState<{ jobId: string; datasetId: string; name: string } | null>(null);
  const [drawing, startDrawing] = useTransition();
  const [exporting, startExporting] = useTransition();

  const unitOf = (choice: SeriesChoice) => sources.find((source) => source.id === choice.datasetId)?.columns.find((column) => column.name === choice.column)?.unit;
  const axisLabel = (choice: SeriesChoice) => (unitOf(choice) ? `${choice.column} [${unitOf(choice)}]` : choice.column);

  const draw = () => {
    const spec = {
      xColumn: x.column,
      yColumn: y.column,
      kind,
      tolerance,
      tolCnt: numberOrUndefined(tolCnt),
      tolDep: tolerance === "dependent" ? numberOrUndefined(tolDep) : undefined,
    } as RegressionSpec;
    setError(null);
    startDrawing(async () => {
      const result = await previewRegressionBand({ xDatasetId: x.datasetId, yDatasetId: y.datasetId, spec });
      if (!result.ok) {
        setError({ text: result.error, inData: result.inData });
        return;
      }
      setDrawn({ chart: result.chart, request: { x, y, spec } });
      setExportRun(null);
      setExportName(t("defaultExportName", { y: y.column, x: x.column }));
    });
  };

  const exportInside = () => {
    if (!drawn) return;
    const name = exportName.trim();
    setError(null);
    startExporting(async () => {
      const { x: xChoice, y: yChoice, spec } = drawn.request;
      const result = await deriveDataset({ name, derivation: { kind: "regression-band", xDatasetId: xChoice.datasetId, yDatasetId: yChoice.datasetId, spec } });
      if (result.ok) setExportRun({ jobId: result.jobId, datasetId: result.datasetId, name });
      else setError({ text: result.error });
    });
  };

  if (sources.length === 0) {
    return (
      <div className="panel empty">
        {t("noDatasets")} <Link href="/datasets">{t("toDatasets")}</Link>
      </div>
    );
  }

  const chart = drawn?.chart;
  return (
    <div className="analysis-form">
      <section className="panel form-panel">
        <div className="form-grid band-grid">
          <fieldset className="series-fieldset">
            <legend>{t("x")}</legend>
            <SeriesPicker sources={sources} value={x} onChange={setX} datasetLabel={t("dataset")} columnLabel={t("column")} testId="band-x" />
          </fieldset>
          <fieldset className="series-fieldset">
            <legend>{t("y")}</legend>
            <SeriesPicker sources={sources} value={y} onChange={setY} datasetLabel={t("dataset")} columnLabel={t("column")} testId="band-y" />
          </fieldset>
          <label>
            {t("kind")}
            <select value={kind} onChange={(event) => setKind(event.target.value as RegressionSpec["kind"])} data-testid="band-kind">
              {REGRESSION_KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(`kinds.${option}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("tolerance")}
            <select value={tolerance} onChange={(event) => setTolerance(event.target.value as RegressionSpec["tolerance"])} data-testid="band-tolerance">
              {TOLERANCE_KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(`tolerances.${option}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("tolCnt")}
            <input type="number" min="0" step="any" value={tolCnt} placeholder={t("tolCntDefault", { percent: DEFAULT_TOL_CNT_SHARE_OF_RANGE * 100 })} onChange={(event) => setTolCnt(event.target.value)} data-testid="band-tol-cnt" />
          </label>
          <label>
            {t("tolDep")}
            <input
              type="number"
              min="0"
              step="any"
              value={tolDep}
              disabled={tolerance !== "dependent"}
              placeholder={t("tolDepDefault", { value: DEFAULT_TOL_DEP })}
              onChange={(event) => setTolDep(event.target.value)}
              data-testid="band-tol-dep"
            />
          </label>
        </div>
        <p className="muted form-hint">{tolerance === "constant" ? t("constantRule") : t("dependentRule")}</p>
        <div className="actions start">
          <button type="button" className="button primary" disabled={drawing || !x.column || !y.column} onClick={draw} data-testid="band-draw">
            {t("draw")}
          </button>
          {drawing ? <span className="muted" data-testid="band-computing">{t("computing")}</span> : null}
        </div>
      </section>

      {error ? (
        <div className="notice error" data-testid="band-error">
          <p>{error.text}</p>
          {error.inData && x.datasetId !== y.datasetId ? (
            <p className="muted">
              {t("alignFirst")} <Link href="/analyses/align">{t("toAlign")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {chart && drawn ? (
        <>
          <section className="stat-grid" aria-label={t("result")} data-testid="band-stats">
            <div className="stat wide">
              <span>{t("equation")}</span>
              <strong data-testid="band-equation">{chart.equation}</strong>
            </div>
            <div className="stat">
              <span>R²</span>
              <strong data-testid="band-r2">{chart.r2.toLocaleString(locale, { minimumFractionDigits: 4, maximumFractionDigits: 4 })}</strong>
            </div>
            <div className="stat">
              <span>{t("inside")}</span>
              <strong data-testid="band-inside">{chart.counts.inside.toLocaleString(locale)}</strong>
            </div>
            <div className="stat">
              <span>{t("outside")}</span>
              <strong data-testid="band-outside">{chart.counts.outside.toLocaleString(locale)}</strong>
            </div>
            <div className="stat">
              <span>{t("tolerancesUsed")}</span>
              <strong data-testid="band-tolerances">
                ±{formatNumber(chart.tolCnt)}
                {chart.tolDep !== null ? ` + ${formatNumber(chart.tolDep)}·|p|` : ""}
                {drawn.request.spec.tolCnt === undefined ? <small> {t("defaultUsed")}</small> : null}
              </strong>
            </div>
          </section>
          <BandScatter chart={chart} xLabel={axisLabel(drawn.request.x)} yLabel={axisLabel(drawn.request.y)} />

          <div className="run-bar">
            <label>
              {t("exportName")}
              <input value={exportName} onChange={(event) => setExportName(event.target.value)} data-testid="band-export-name" />
            </label>
            <button type="button" className="button primary" disabled={exporting || exportName.trim() === "" || chart.counts.inside === 0} onClick={exportInside} data-testid="band-export">
              {t("export", { count: chart.counts.inside })}
            </button>
          </div>
          {exportRun ? (
            <DerivationProgress
              key={exportRun.jobId}
              transport={transport}
              run={exportRun}
              progressLabel={t("exporting", { name: exportRun.name })}
              openLabel={t("open", { name: exportRun.name })}
              testId="band-export-run"
              openTestId="open-export"
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
