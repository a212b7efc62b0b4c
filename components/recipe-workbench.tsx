"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { DatasetColumnView } from "@/lib/contracts/dataset-view";
import type { LiveTransport } from "@/lib/contracts/live-transport";
import type { SavedRecipeView } from "@/lib/contracts/saved-recipe";
import { checkRecipe } from "@/lib/process/recipe-issues";
import { OriginalCleaningForm } from "./original-cleaning-form";
import { RecipeEditor, type DraftRecipe, type DraftStep } from "./recipe-editor";
import { RecipeJson } from "./recipe-json";
import { RecipeApplyMany } from "./recipe-apply-many";
import { RecipePreview } from "./recipe-preview";
import { RecipeRun } from "./recipe-run";
import { SavedRecipes } from "./saved-recipes";

export interface WorkbenchDataset {
  id: string;
  name: string;
  columns: DatasetColumnView[];
  start: number | null;
  end: number | null;
}

/** A pasted or loaded recipe becomes the draft as it is (a step that is no object becomes its op), so the editor can show what is wrong with it. */
function asDraft(record: Record<string, unknown> & { steps: unknown[] }): DraftRecipe {
  return { ...record, steps: record.steps.map((step) => (typeof step === "object" && step !== null && !Array.isArray(step) ? { ...(step as DraftStep) } : { op: step })) };
}

/**
 * The recipe editor page: edit steps (or load the original's cleaning or a saved recipe),
 * preview on the visible range, run it into a new version, save it, apply it to other datasets.
 */
export function RecipeWorkbench({
  dataset,
  transport,
  savedRecipes,
  otherDatasets,
}: {
  dataset: WorkbenchDataset;
  transport: LiveTransport;
  savedRecipes: SavedRecipeView[];
  otherDatasets: { id: string; name: string }[];
}) {
  const t = useTranslations("process");
  const [draft, setDraft] = useState<DraftRecipe>({ version: 1, steps: [] });
  const [recipeName, setRecipeName] = useState<string | null>(null);
  const check = useMemo(() => checkRecipe(draft, dataset.columns.map((column) => column.name)), [draft, dataset.columns]);
  const recipe = check.ok ? check.recipe : null;
  const issues = check.ok ? new Map<string, string>() : check.issues;

  return (
    <div className="workbench">
      <div className="workbench-side">
        <details className="panel fold" data-testid="original-fold">
          <summary>{t("original.title")}</summary>
          <p className="muted form-note">{t("original.intro")}</p>
          <OriginalCleaningForm
            onRecipe={(next) => {
              setDraft(asDraft({ ...next }));
              setRecipeName(t("original.recipeName"));
            }}
          />
        </details>
        <section className="panel fold">
          <h2>{t("steps")}</h2>
          <RecipeEditor draft={draft} columns={dataset.columns} issues={issues} onChange={setDraft} />
        </section>
        <details className="panel fold" data-testid="json-fold">
          <summary>{t("json.title")}</summary>
          <RecipeJson value={draft} onPaste={(input) => setDraft(asDraft(input))} />
        </details>
      </div>
      <div className="workbench-main">
        <h2>{t("preview.title")}</h2>
        <RecipePreview datasetId={dataset.id} columns={dataset.columns} start={dataset.start} end={dataset.end} recipe={recipe} />
        <RecipeRun transport={transport} source={dataset} recipe={recipe} />
        <SavedRecipes
          initial={savedRecipes}
          recipe={recipe}
          onLoad={(saved) => {
            setDraft(asDraft({ ...saved.recipe }));
            setRecipeName(saved.name);
          }}
        />
        <RecipeApplyMany transport={transport} datasets={otherDatasets} recipe={recipe} recipeName={recipeName ?? t("run.processed")} />
      </div>
    </div>
  );
}
