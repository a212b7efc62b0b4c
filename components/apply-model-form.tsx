"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { deriveDataset } from "@/app/datasets/actions";
import type { DatasetSummary } from "@/lib/contracts/dataset-view";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import type { TrainedModelView } from "@/lib/contracts/training-run";
import { describeModel } from "@/lib/train/describe-model";
import { DerivationProgress } from "./derivation-run";
import { fetchJson } from "./fetch-json";
import { useModelWords } from "./hooks/use-model-words";
import { useFetched } from "./hooks/use-fetched";
import { bestModelId, TrainedModelOptions } from "./trained-model-options";

/**
 * Applies a trained model to one of the user's datasets that has the model's input columns:
 * a background job writes a new dataset of forecasts (one column per output series and step,
 * at each reference time), followed live, then linked.
 */
export function ApplyModelForm({ models, inputColumns, transport }: { models: TrainedModelView[]; inputColumns: string[]; transport: LiveTransport }) {
  const t = useTranslations("trainingRuns.apply");
  const modelWords = useModelWords();
  const [modelId, setModelId] = useState(() => bestModelId(models));
  const [datasetId, setDatasetId] = useState("");
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState<{ datasetId: string; jobId: string; name: string } | null>(null);

  const { data: datasets, error: loadError } = useFetched(async (signal) => ((await fetchJson("/api/datasets", signal)) as { datasets: DatasetSummary[] }).datasets, "/api/datasets");

  const suitable = (datasets ?? []).filter((dataset) => inputColumns.every((column) => dataset.columns.some((c) => c.name === column)));
  const chosenDataset = suitable.find((dataset) => dataset.id === datasetId) ?? suitable[0];
  const chosenModel = models.find((model) => model.id === modelId);
  const defaultName = chosenDataset && chosenModel ? t("defaultName", { dataset: chosenDataset.name, model: describeModel(chosenModel.result, modelWords) }) : "";
  const datasetName = (name ?? defaultName).trim();

  const apply = async () => {
    if (!chosenDataset || !chosenModel) return;
    setBusy(true);
    setError(null);
    const outcome = await deriveDataset({ name: datasetName, derivation: { kind: "forecast", sourceId: chosenDataset.id, modelId: chosenModel.id } });
    setBusy(false);
    if (outcome.ok) setStarted({ datasetId: outcome.datasetId, jobId: outcome.jobId, name: datasetName });
    else setError(outcome.error);
  };

  return (
    <div className="panel wizard-form apply-model" data-testid="apply-model">
      <p className="muted">{t("intro", { columns: inputColumns.join(", ") })}</p>
      <div className="form-grid">
        <label>
          {t("model")}
          <select value={modelId} onChange={(event) => setModelId(event.target.value)} data-testid="apply-model-select">
            <TrainedModelOptions models={models} />
          </select>
        </label>
        <label>
          {t("dataset")}
          <select value={chosenDataset?.id ?? ""} onChange={(event) => setDatasetId(event.target.value)} disabled={suitable.length === 0} data-testid="apply-dataset">
            {suitable.map((dataset) => (
              <option key={dataset.id} value={dataset.id}>
                {dataset.name}
              </option>
            ))}
          </select>
        </label>
        <label className="wide">
          {t("name")}
          <input value={name ?? defaultName} maxLength={255} onChange={(event) => setName(event.target.value)} data-testid="apply-name" />
        </label>
      </div>
      {datasets && suitable.length === 0 ? <p className="warn-text">{t("noDataset", { columns: inputColumns.join(", ") })}</p> : null}
      <div className="actions">
        <button type="button" className="button primary" disabled={busy || !chosenDataset || !chosenModel || datasetName === ""} onClick={() => void apply()} data-testid="apply-start">
          {t("start")}
        </button>
      </div>
      {error || loadError ? (
        <p className="notice error" role="alert">
          {error ?? loadError}
        </p>
      ) : null}
      {started ? (
        <DerivationProgress
          key={started.jobId}
          transport={transport}
          run={started}
          progressLabel={t("progressLabel", { name: started.name })}
          openLabel={t("open", { name: started.name })}
          openTestId="open-forecast-dataset"
          className="apply-progress"
        />
      ) : null}
    </div>
  );
}
