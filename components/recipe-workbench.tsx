"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { DatasetColumnView } from "@/lib/contracts/dataset-view";
import { checkRecipe } from "@/lib/process/recipe-issues";
import { OriginalCleaningForm } from "./original-cleaning-form";
import { RecipeEditor, type DraftRecipe } from "./recipe-editor";
import { RecipeJson } from "./recipe-json";
import { RecipePreview } from "./recipe-preview";

export interface WorkbenchDataset {
  id: string;
  name: string;
  columns: DatasetColumnView[];
  start: number | null;
  end: number | null;
}

/** Anything pasted or loaded becomes the draft as it is, so the editor can show what is wrong with it. */
function asDraft(record: Record<string, unknown>): DraftRecipe {
  const steps = Array.isArray(record.steps) ? record.steps.map((step) => (typeof step === "object" && step !== null && !Array.isArray(step) ? { ...step } : { op: step })) : [];
  return { ...record, version: record.version, steps };
}

/** The recipe editor page: edit steps (or load the original's cleaning), preview on the visible range. */
export function RecipeWorkbench({ dataset }: { dataset: WorkbenchDataset }) {
  const t = useTranslations("process");
  const [draft, setDraft] = useState<DraftRecipe>({ version: 1, steps: [] });
  const check = useMemo(() => checkRecipe(draft), [draft]);
  const recipe = check.ok ? check.recipe : null;
  const issues = check.ok ? new Map<string, string>() : check.issues;

  return (
    <div className="workbench">
      <div className="workbench-side">
        <details className="panel fold" data-testid="original-fold">
          <summary>{t("original.title")}</summary>
          <p className="muted form-note">{t("original.intro")}</p>
          <OriginalCleaningForm onRecipe={(next) => setDraft(asDraft({ ...next }))} />
        </details>
        <section className="panel fold">
          <h2>{t("steps")}</h2>
          <RecipeEditor draft={draft} columns={dataset.columns} issues={issues} onChange={setDraft} />
        </section>
        <details className="panel fold">
          <summary>{t("json.title")}</summary>
          <RecipeJson value={draft} onPaste={(input) => setDraft(asDraft(input))} />
        </details>
      </div>
      <div className="workbench-main">
        <h2>{t("preview.title")}</h2>
        <RecipePreview datasetId={dataset.id} columns={dataset.columns} start={dataset.start} end={dataset.end} recipe={recipe} />
      </div>
    </div>
  );
}
