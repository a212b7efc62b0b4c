"use client";

import { useTranslations } from "next-intl";
import type { DatasetColumnView } from "@/lib/contracts/dataset-view";
import { ConfigNumberField } from "./config-number-field";
import { valueAt, type DraftPath } from "./hooks/use-config-draft";

export interface DatasetChoice {
  id: string;
  name: string;
  columns: DatasetColumnView[];
}

const METHODS = ["linear", "mean", "nearest"] as const;

/** The input or output series of a training config: dataset and column, window, sampling method, optional scaling range. */
export function TrainingSeriesTable({
  role,
  series,
  datasets,
  errors,
  showScaleRange,
  onChange,
}: {
  role: "inputs" | "outputs";
  series: unknown[];
  datasets: DatasetChoice[];
  errors: Record<string, string>;
  showScaleRange: boolean;
  onChange: (path: DraftPath, value: unknown) => void;
}) {
  const t = useTranslations("training.series");
  const columnsOf = (datasetId: unknown) => datasets.find((dataset) => dataset.id === datasetId)?.columns ?? [];
  const add = () => {
    const first = datasets[0];
    onChange([role, series.length], {
      datasetId: first?.id ?? "",
      column: first?.columns[0]?.name ?? "",
      startHours: role === "inputs" ? -2 : 0,
      endHours: role === "inputs" ? 0 : 2,
      method: "linear",
    });
  };
  const remove = (index: number) => onChange([role], series.filter((_, i) => i !== index));
  const listError = errors[role];

  return (
    <div className="series-block" data-testid={`${role}-table`}>
      <div className="series-head">
        <h3>{t(`${role}.title`)}</h3>
        <button type="button" className="button" onClick={add} disabled={datasets.length === 0} data-testid={`add-${role}`}>
          {t(`${role}.add`)}
        </button>
      </div>
      <p className="muted hint">{t(`${role}.hint`)}</p>
      {datasets.length === 0 ? <p className="warn-text">{t("noDatasets")}</p> : null}
      {listError ? <p className="field-error">{series.length === 0 ? t(`${role}.none`) : listError}</p> : null}
      {series.map((entry, index) => {
        const at = (field: string) => `${role}.${index}.${field}`;
        const datasetId = valueAt(entry, ["datasetId"]);
        const columns = columnsOf(datasetId);
        const known = datasets.some((dataset) => dataset.id === datasetId);
        return (
          <div className="form-grid series-row" key={index} data-testid={`${role}-${index}`}>
            <label className={errors[at("datasetId")] || !known ? "invalid" : undefined}>
              {t("dataset")}
              <select
                value={typeof datasetId === "string" ? datasetId : ""}
                onChange={(event) => {
                  onChange([role, index, "datasetId"], event.target.value);
                  const names = columnsOf(event.target.value).map((column) => column.name);
                  if (!names.includes(String(valueAt(entry, ["column"])))) onChange([role, index, "column"], names[0] ?? "");
                }}
              >
                {known ? null : <option value={typeof datasetId === "string" ? datasetId : ""}>{t("missingDataset")}</option>}
                {datasets.map((dataset) => (
                  <option key={dataset.id} value={dataset.id}>
                    {dataset.name}
                  </option>
                ))}
              </select>
              {!known ? <span className="field-error">{t("chooseDataset")}</span> : null}
            </label>
            <label className={errors[at("column")] ? "invalid" : undefined}>
              {t("column")}
              <select value={String(valueAt(entry, ["column"]) ?? "")} onChange={(event) => onChange([role, index, "column"], event.target.value)}>
                {columns.map((column) => (
                  <option key={column.name} value={column.name}>
                    {column.unit ? `${column.name} [${column.unit}]` : column.name}
                  </option>
                ))}
              </select>
              {errors[at("column")] ? <span className="field-error">{errors[at("column")]}</span> : null}
            </label>
            <ConfigNumberField label={t("startHours")} value={valueAt(entry, ["startHours"])} onChange={(value) => onChange([role, index, "startHours"], value)} error={errors[at("startHours")]} />
            <ConfigNumberField label={t("endHours")} value={valueAt(entry, ["endHours"])} onChange={(value) => onChange([role, index, "endHours"], value)} error={errors[at("endHours")]} />
            <label>
              {t("method")}
              <select value={String(valueAt(entry, ["method"]) ?? "linear")} onChange={(event) => onChange([role, index, "method"], event.target.value)}>
                {METHODS.map((method) => (
                  <option key={method} value={method}>
                    {t(`methods.${method}`)}
                  </option>
                ))}
              </select>
            </label>
            {showScaleRange ? (
              <>
                <ConfigNumberField label={t("scaleMin")} optional value={valueAt(entry, ["scaleMin"])} onChange={(value) => onChange([role, index, "scaleMin"], value)} error={errors[at("scaleMin")]} />
                <ConfigNumberField label={t("scaleMax")} optional value={valueAt(entry, ["scaleMax"])} onChange={(value) => onChange([role, index, "scaleMax"], value)} error={errors[at("scaleMax")]} />
              </>
            ) : null}
            <div className="series-remove">
              <button type="button" className="button danger" onClick={() => remove(index)} aria-label={t("remove")}>
                {t("remove")}
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
