import { useTranslations } from "next-intl";
import type { StepReport } from "@/lib/process/apply-recipe";
import type { Recipe } from "@/lib/process/recipe";
import { stepParameters } from "@/lib/process/step-fields";

/** A recipe as a readable numbered list (op and its parameters), with what each step did when known. */
export function RecipeSteps({ recipe, reports }: { recipe: Recipe; reports?: StepReport[] }) {
  const t = useTranslations("process");
  if (recipe.steps.length === 0) return <p className="muted">{t("noStepsRun")}</p>;
  return (
    <ol className="recipe-steps" data-testid="lineage-steps">
      {recipe.steps.map((step, index) => {
        const report = reports?.[index];
        const parameters = stepParameters(step);
        return (
          <li key={index}>
            <strong>{t(`ops.${step.op}`)}</strong>
            {parameters.length > 0 ? ": " : null}
            {parameters.map(([key, value]) => `${t(`fields.${key}`)} ${String(value)}`).join(" · ")}
            {"columns" in step && step.columns ? <span className="muted"> — {step.columns.join(", ")}</span> : null}
            {report ? (
              <span className="muted step-report">
                {" "}
                ({report.rowsBefore === report.rowsAfter ? t("report.changes", { removed: report.removed, filled: report.filled }) : t("report.rows", { before: report.rowsBefore, after: report.rowsAfter })})
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
