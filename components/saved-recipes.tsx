"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { deleteRecipe, saveRecipe } from "@/app/datasets/actions";
import type { SavedRecipeView } from "@/lib/contracts/saved-recipe";
import type { Recipe } from "@/lib/process/recipe";

/** Save the editor's recipe by name (the same name replaces it), and load or delete saved ones. */
export function SavedRecipes({ initial, recipe, onLoad }: { initial: SavedRecipeView[]; recipe: Recipe | null; onLoad: (saved: SavedRecipeView) => void }) {
  const t = useTranslations("process.saved");
  const [saved, setSaved] = useState(initial);
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState(initial[0]?.id ?? "");
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const current = saved.find((one) => one.id === chosen) ?? null;
  return (
    <section className="panel fold">
      <h2>{t("title")}</h2>
      <div className="profile-bar">
        <label>
          {t("name")}
          <input type="text" value={name} placeholder={t("namePlaceholder")} onChange={(event) => setName(event.target.value)} data-testid="recipe-name" />
        </label>
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={!recipe || name.trim() === ""}
            onClick={() =>
              void saveRecipe({ name, recipe }).then((result) => {
                if (!result.ok) return setNotice({ text: result.error, error: true });
                setSaved((list) => [...list.filter((one) => one.id !== result.recipe.id && one.name !== result.recipe.name), result.recipe].sort((a, b) => a.name.localeCompare(b.name)));
                setChosen(result.recipe.id);
                setNotice({ text: t("savedAs", { name: result.recipe.name }), error: false });
              })
            }
            data-testid="recipe-save"
          >
            {t("save")}
          </button>
        </div>
        <label>
          {t("list")}
          <select value={chosen} onChange={(event) => setChosen(event.target.value)} data-testid="recipe-select">
            {saved.length === 0 ? <option value="">{t("none")}</option> : null}
            {saved.map((one) => (
              <option key={one.id} value={one.id}>
                {one.name} ({t("steps", { count: one.recipe.steps.length })})
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={!current}
            onClick={() => {
              if (!current) return;
              onLoad(current);
              setName(current.name);
              setNotice({ text: t("loaded", { name: current.name }), error: false });
            }}
            data-testid="recipe-load"
          >
            {t("load")}
          </button>
          <button
            type="button"
            className="button danger"
            disabled={!current}
            onClick={() => {
              if (!current) return;
              void deleteRecipe(current.id).then((result) => {
                if (!result.ok) return setNotice({ text: t("notDeleted"), error: true });
                const rest = saved.filter((one) => one.id !== current.id);
                setSaved(rest);
                setChosen(rest[0]?.id ?? "");
                setNotice({ text: t("deleted", { name: current.name }), error: false });
              });
            }}
            data-testid="recipe-delete"
          >
            {t("delete")}
          </button>
        </div>
        {notice ? (
          <p className={notice.error ? "error-text" : "muted"} data-testid="recipe-notice">
            {notice.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}
