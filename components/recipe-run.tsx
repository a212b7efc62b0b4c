"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { deriveDataset } from "@/app/datasets/actions";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import type { Recipe } from "@/lib/process/recipe";
import { DerivationRun, type StartedDerivation } from "./derivation-run";

/** Runs the editor's recipe on the whole dataset as a job; the result is a new version. */
export function RecipeRun({ transport, source, recipe }: { transport: LiveTransport; source: { id: string; name: string }; recipe: Recipe | null }) {
  const t = useTranslations("process.run");
  const [name, setName] = useState(() => t("defaultName", { name: source.name }));
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [runs, setRuns] = useState<StartedDerivation[]>([]);
  return (
    <section className="panel fold run-panel">
      <h2>{t("title")}</h2>
      <form
        className="run-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!recipe) return;
          setStarting(true);
          deriveDataset({ name, derivation: { kind: "recipe", sourceId: source.id, recipe } })
            .then((result) => {
              if (result.ok) {
                setRuns((current) => [{ jobId: result.jobId, datasetId: result.datasetId, name: name.trim() }, ...current]);
                setError(null);
              } else setError(result.error);
            })
            .catch(() => setError(t("failed")))
            .finally(() => setStarting(false));
        }}
      >
        <label>
          {t("name")}
          <input type="text" value={name} onChange={(event) => setName(event.target.value)} data-testid="run-name" />
        </label>
        <button type="submit" className="button primary" disabled={!recipe || starting} data-testid="run-recipe">
          {t("start")}
        </button>
      </form>
      {!recipe ? <p className="muted form-note">{t("fixFirst")}</p> : null}
      {error ? (
        <p className="error-text" data-testid="run-error">
          {error}
        </p>
      ) : null}
      {runs.map((run) => (
        <DerivationRun key={run.jobId} transport={transport} run={run} />
      ))}
    </section>
  );
}
