"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo, useState, useTransition } from "react";
import { deriveDataset } from "@/app/datasets/actions";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import type { SeriesSource } from "@/lib/contracts/series-source";
import { formatMinutes, gridRequirement, type MethodRequirement } from "@/lib/process/align";
import { alignSpecSchema, type AlignSpec } from "@/lib/process/align-spec";
import { RESAMPLE_METHODS, RESAMPLE_WINDOWS, type ResampleMethod, type ResampleWindow } from "@/lib/process/recipe";
import { parseSpec, SpecError } from "@/lib/process/spec-errors";
import { DerivationProgress } from "./derivation-run";
import { LocalTime } from "./local-time";
import { choiceIn, ColumnSelect, DatasetSelect, type SeriesChoice } from "./series-picker";

interface SeriesRow extends SeriesChoice {
  key: number;
  name: string;
  method: ResampleMethod | "";
  window: ResampleWindow;
  maxGap: string;
}

interface Target {
  name: string;
  step: string;
  offset: string;
  start: string;
  end: string;
}

/** Methods that interpolate between the samples around a grid point use the max gap; the others a window. */
const GAP_METHODS: readonly ResampleMethod[] = ["linear", "nearestMaxDelta"];

/** Dataset, column, detected, method, window, max gap, name, remove. */
const SERIES_COLUMN_WIDTHS = ["18%", "14%", "15%", "15%", "10%", "9%", "14%", "5%"];

const numberOrUndefined = (text: string) => (text.trim() === "" ? undefined : Number(text));
/** A datetime-local value is the user's wall-clock time; the spec wants UTC. */
const localToIso = (text: string) => {
  if (text === "") return undefined;
  const time = new Date(text).getTime();
  return Number.isFinite(time) ? new Date(time).toISOString() : text;
};

function buildSpec(target: Target, rows: SeriesRow[]): unknown {
  return {
    stepMinutes: numberOrUndefined(target.step),
    offsetMinutes: numberOrUndefined(target.offset),
    start: localToIso(target.start),
    end: localToIso(target.end),
    series: rows.map((row) => ({
      datasetId: row.datasetId,
      column: row.column || undefined,
      name: row.name.trim() || undefined,
      method: row.method || undefined,
      window: row.method && !GAP_METHODS.includes(row.method) && row.window !== "centered" ? row.window : undefined,
      maxGapMinutes: row.method && GAP_METHODS.includes(row.method) ? numberOrUndefined(row.maxGap) : undefined,
    })),
  };
}

/**
 * Several series onto one grid and window. What the target asks of each series (a method
 * where its detected step or offset differ) is said from the stored analyses as the user
 * types; Run derives a new dataset in a job and links to it.
 */
export function AlignForm({ sources, transport }: { sources: SeriesSource[]; transport: LiveTransport }) {
  const t = useTranslations("analyses.align");
  const tm = useTranslations("analyses.methods");
  const [nextKey, setNextKey] = useState(2);
  const [rows, setRows] = useState<SeriesRow[]>(() =>
    sources.slice(0, 2).map((source, key) => ({ key, ...choiceIn(source, ""), name: "", method: "", window: "centered", maxGap: "" })),
  );
  const [target, setTarget] = useState<Target>(() => ({ name: t("defaultName"), step: String(sources[0]?.stepMinutes ?? 15), offset: "0", start: "", end: "" }));
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<{ jobId: string; datasetId: string; name: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const sourceOf = (row: SeriesRow) => sources.find((source) => source.id === row.datasetId);
  const update = (key: number, patch: Partial<SeriesRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const validation = useMemo(() => {
    try {
      return { spec: parseSpec(alignSpecSchema, buildSpec(target, rows), "spec") as AlignSpec, problem: null };
    } catch (problem) {
      if (problem instanceof SpecError) return { spec: null, problem };
      throw problem;
    }
  }, [target, rows]);

  // Needs are only known for a valid target step; they come from each dataset's stored analysis.
  const step = Number(target.step);
  const requirements: MethodRequirement[] =
    Number.isFinite(step) && step > 0
      ? rows.flatMap((row, index) => {
          const source = sourceOf(row);
          if (!source || row.method) return [];
          const needed = gridRequirement({ stepMinutes: step, offsetMinutes: Number(target.offset) || 0 }, source, { index, label: source.name, column: row.column });
          return needed ? [needed] : [];
        })
      : [];
  const needsMethod = new Set(requirements.map((needed) => needed.series));
  const minutes = (value: number | null) => (value === null ? t("unknown") : formatMinutes(value));
  const invalidAt = (path: string) => validation.problem?.path === path || undefined;

  const start = () => {
    if (!validation.spec || requirements.length > 0) return;
    setError(null);
    const name = target.name.trim();
    startTransition(async () => {
      const result = await deriveDataset({ name, derivation: { kind: "align", spec: validation.spec } });
      if (result.ok) setRun({ jobId: result.jobId, datasetId: result.datasetId, name });
      else setError(result.error);
    });
  };

  if (sources.length === 0) {
    return (
      <div className="panel empty">
        {t("noDatasets")} <Link href="/datasets">{t("toDatasets")}</Link>
      </div>
    );
  }

  return (
    <div className="analysis-form">
      <section className="panel form-panel">
        <h2>{t("target")}</h2>
        <div className="form-grid target-grid">
          <label>
            {t("step")}
            <input type="number" min="0" step="any" value={target.step} onChange={(event) => setTarget({ ...target, step: event.target.value })} aria-invalid={invalidAt("stepMinutes")} data-testid="target-step" />
          </label>
          <label>
            {t("offset")}
            <input type="number" step="any" value={target.offset} onChange={(event) => setTarget({ ...target, offset: event.target.value })} aria-invalid={invalidAt("offsetMinutes")} data-testid="target-offset" />
          </label>
          <label>
            {t("start")}
            <input type="datetime-local" value={target.start} onChange={(event) => setTarget({ ...target, start: event.target.value })} aria-invalid={invalidAt("start")} data-testid="target-start" />
          </label>
          <label>
            {t("end")}
            <input type="datetime-local" value={target.end} onChange={(event) => setTarget({ ...target, end: event.target.value })} aria-invalid={invalidAt("end")} data-testid="target-end" />
          </label>
        </div>
        <p className="muted form-hint">{t("windowHint")}</p>
      </section>

      <section className="panel form-panel">
        <div className="toolbar compact">
          <h2>{t("series")}</h2>
          <button
            type="button"
            className="button"
            onClick={() => {
              setRows((current) => [...current, { key: nextKey, ...choiceIn(sources[current.length % sources.length], ""), name: "", method: "", window: "centered", maxGap: "" }]);
              setNextKey(nextKey + 1);
            }}
            data-testid="add-series"
          >
            {t("add")}
          </button>
        </div>
        <div className="table-wrap flush">
          <table className="files data-table series-form" data-testid="align-series">
            <colgroup>
              {SERIES_COLUMN_WIDTHS.map((width, k) => (
                <col key={k} style={{ width }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th>{t("dataset")}</th>
                <th>{t("column")}</th>
                <th>{t("detected")}</th>
                <th>{t("method")}</th>
                <th>{t("window")}</th>
                <th>{t("maxGap")}</th>
                <th>{t("outputName")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const source = sourceOf(row);
                const gapMethod = row.method !== "" && GAP_METHODS.includes(row.method);
                return (
                  <tr key={row.key} data-testid={`series-${index}`}>
                    <td>
                      <DatasetSelect sources={sources} value={row} onChange={(choice) => update(row.key, choice)} label={t("dataset")} testId={`series-${index}-dataset`} />
                      {source?.start != null && source.end != null ? (
                        <div className="file-meta">
                          <LocalTime iso={new Date(source.start).toISOString()} /> → <LocalTime iso={new Date(source.end).toISOString()} />
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <ColumnSelect sources={sources} value={row} onChange={(choice) => update(row.key, choice)} label={t("column")} testId={`series-${index}-column`} />
                    </td>
                    <td>
                      <div>
                        {t("stepIs")} <span data-testid={`series-${index}-step`}>{minutes(source?.stepMinutes ?? null)}</span>
                      </div>
                      <div className="file-meta">
                        {t("offsetIs")} <span data-testid={`series-${index}-offset`}>{minutes(source?.offsetMinutes ?? null)}</span>
                      </div>
                    </td>
                    <td>
                      <select
                        aria-label={t("method")}
                        value={row.method}
                        onChange={(event) => update(row.key, { method: event.target.value as SeriesRow["method"] })}
                        aria-invalid={needsMethod.has(index) || invalidAt(`series[${index}].method`)}
                        data-testid={`series-${index}-method`}
                      >
                        <option value="">{t("noMethod")}</option>
                        {RESAMPLE_METHODS.map((method) => (
                          <option key={method} value={method}>
                            {tm(method)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <select aria-label={t("window")} title={t("windowTitle")} value={row.window} disabled={!row.method || gapMethod} onChange={(event) => update(row.key, { window: event.target.value as ResampleWindow })} data-testid={`series-${index}-window`}>
                        {RESAMPLE_WINDOWS.map((window) => (
                          <option key={window} value={window}>
                            {t(`windows.${window}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        type="number"
                        min="0"
                        step="any"
                        aria-label={t("maxGap")}
                        placeholder={gapMethod ? t("noLimit") : "–"}
                        disabled={!gapMethod}
                        value={row.maxGap}
                        onChange={(event) => update(row.key, { maxGap: event.target.value })}
                        aria-invalid={invalidAt(`series[${index}].maxGapMinutes`)}
                        data-testid={`series-${index}-max-gap`}
                      />
                    </td>
                    <td>
                      <input aria-label={t("outputName")} placeholder={row.column} value={row.name} onChange={(event) => update(row.key, { name: event.target.value })} aria-invalid={invalidAt(`series[${index}].name`)} />
                    </td>
                    <td>
                      <button type="button" className="button danger" disabled={rows.length === 1} onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))} aria-label={t("remove")}>
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {requirements.length > 0 ? (
        <div className="notice warn" role="status" data-testid="methods-required">
          <strong>{t("methodsRequired")}</strong>
          <ul className="plain-list">
            {requirements.map((needed) => (
              <li key={needed.series}>
                {t("requirement", {
                  number: needed.series + 1,
                  label: needed.label,
                  column: needed.column,
                  currentStep: minutes(needed.currentStepMinutes),
                  requestedStep: minutes(needed.requestedStepMinutes),
                  currentOffset: minutes(needed.currentOffsetMinutes),
                  requestedOffset: minutes(needed.requestedOffsetMinutes),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {validation.problem ? (
        <p className="notice error" data-testid="spec-problem">
          {validation.problem.message}
        </p>
      ) : null}

      <div className="run-bar">
        <label>
          {t("resultName")}
          <input value={target.name} onChange={(event) => setTarget({ ...target, name: event.target.value })} data-testid="result-name" />
        </label>
        <button type="button" className="button primary" disabled={pending || !validation.spec || requirements.length > 0 || target.name.trim() === ""} onClick={start} data-testid="run-align">
          {t("run")}
        </button>
      </div>
      {error ? (
        <p className="notice error" data-testid="run-error">
          {error}
        </p>
      ) : null}
      {run ? (
        <DerivationProgress key={run.jobId} transport={transport} run={run} progressLabel={t("progress", { name: run.name })} openLabel={t("open", { name: run.name })} testId="align-run" openTestId="open-result" />
      ) : null}
    </div>
  );
}
