"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { deriveDataset } from "@/app/datasets/actions";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import type { Recipe } from "@/lib/process/recipe";
import { DerivationRun, type StartedDerivation } from "./derivation-run";

/** Runs the editor's recipe on other datasets of the user: one derive job each, each followed live. */
export function RecipeApplyMany({ transport, datasets, recipe, recipeName }: { transport: LiveTransport; datasets: { id: string; name: string }[]; recipe: Recipe | null; recipeName: string }) {
  const t = useTranslations("process.many");
  const [picked, setPicked] = useState<string[]>([]);
  const [runs, setRuns] = useState<StartedDerivation[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [starting, setStarting] = useState(false);
  if (datasets.length === 0) return null;
  return (
    <section className="panel fold">
      <h2>{t("title")}</h2>
      <fieldset className="value-columns choice-list" data-testid="apply-datasets">
        <legend>{t("pick")}</legend>
        {datasets.map((dataset) => (
          <label key={dataset.id} className="check">
            <input type="checkbox" checked={picked.includes(dataset.id)} onChange={(event) => setPicked((current) => (event.target.checked ? [...current, dataset.id] : current.filter((id) => id !== dataset.id)))} />
            {dataset.name}
          </label>
        ))}
      </fieldset>
      <div className="actions apply-actions">
        <button
          type="button"
          className="button primary"
          disabled={!recipe || picked.length === 0 || starting}
          onClick={async () => {
            if (!recipe) return;
            setStarting(true);
            const failures: string[] = [];
            for (const dataset of datasets.filter((one) => picked.includes(one.id))) {
              const name = t("versionName", { name: dataset.name, recipe: recipeName });
              const result = await deriveDataset({ name, derivation: { kind: "recipe", sourceId: dataset.id, recipe } }).catch(() => ({ ok: false as const, error: t("failed") }));
              if (result.ok) setRuns((current) => [...current, { jobId: result.jobId, datasetId: result.datasetId, name }]);
              else failures.push(`${dataset.name}: ${result.error}`);
            }
            setErrors(failures);
            setPicked([]);
            setStarting(false);
          }}
          data-testid="apply-many"
        >
          {t("start", { count: picked.length })}
        </button>
      </div>
      {errors.map((error) => (
        <p key={error} className="error-text">
          {error}
        </p>
      ))}
      {runs.map((run) => (
        <DerivationRun key={run.jobId} transport={transport} run={run} />
      ))}
    </section>
  );
}
