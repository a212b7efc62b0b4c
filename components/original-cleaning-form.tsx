"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { recipeFromOriginalCleaning, type OriginalCleaningParameters } from "@/lib/process/original-cleaning";
import type { Recipe } from "@/lib/process/recipe";

const NUMBERS = ["eqMax", "elMax", "elMin", "chgMax", "lgMax", "gapMax"] as const;
type NumberKey = (typeof NUMBERS)[number];

/**
 * The original's cleaning form ("Clean like the original"): its eight parameters, turned
 * into the equivalent recipe for the editor. Empty fields are off, as in the original.
 */
export function OriginalCleaningForm({ onRecipe }: { onRecipe: (recipe: Recipe) => void }) {
  const t = useTranslations("process.original");
  const [numbers, setNumbers] = useState<Record<NumberKey, string>>({ eqMax: "", elMax: "", elMin: "", chgMax: "", lgMax: "", gapMax: "" });
  const [removeZeros, setRemoveZeros] = useState(false);
  const [removeNonNumeric, setRemoveNonNumeric] = useState(true);
  const parameters: OriginalCleaningParameters = { removeZeros, removeNonNumeric };
  for (const key of NUMBERS) {
    if (numbers[key].trim() !== "") parameters[key] = Number(numbers[key]);
  }
  const invalid = NUMBERS.filter((key) => parameters[key] !== undefined && !Number.isFinite(parameters[key]));
  const halfGradient = (parameters.chgMax === undefined) !== (parameters.lgMax === undefined);
  return (
    <form
      className="original-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (invalid.length === 0 && !halfGradient) onRecipe(recipeFromOriginalCleaning(parameters));
      }}
      data-testid="original-form"
    >
      <div className="form-grid">
        {NUMBERS.map((key) => (
          <label key={key}>
            <span>
              <code>{key}</code> {t(`fields.${key}`)}
            </span>
            <input type="number" step="any" value={numbers[key]} onChange={(event) => setNumbers({ ...numbers, [key]: event.target.value })} data-testid={`original-${key}`} />
            {invalid.includes(key) ? <span className="error-text">{t("notNumber")}</span> : null}
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={removeZeros} onChange={(event) => setRemoveZeros(event.target.checked)} data-testid="original-removeZeros" />
          {t("fields.removeZeros")}
        </label>
        <label className="check">
          <input type="checkbox" checked={removeNonNumeric} onChange={(event) => setRemoveNonNumeric(event.target.checked)} data-testid="original-removeNonNumeric" />
          {t("fields.removeNonNumeric")}
        </label>
      </div>
      {halfGradient ? <p className="error-text">{t("gradientPair")}</p> : null}
      <p className="muted form-note">{t("note")}</p>
      <div className="actions">
        <button type="submit" className="button primary" disabled={invalid.length > 0 || halfGradient} data-testid="original-load">
          {t("load")}
        </button>
      </div>
    </form>
  );
}
