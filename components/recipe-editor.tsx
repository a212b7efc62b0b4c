"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { DatasetColumnView } from "@/lib/contracts/dataset-view";
import type { RecipeOp } from "@/lib/process/recipe";
import { STEP_FIELDS, STEP_TAKES_COLUMNS, type StepField } from "@/lib/process/step-fields";

/** A step while it is edited: any JSON object; the recipe schema says what is wrong with it. */
export type DraftStep = Record<string, unknown> & { op?: unknown };
export interface DraftRecipe {
  version?: unknown;
  steps: DraftStep[];
  [key: string]: unknown;
}

const RECIPE_OPS = Object.keys(STEP_FIELDS) as RecipeOp[];

/** What a new step of each op starts with: valid where a sensible value exists, empty where the user must choose. */
const NEW_STEP: Record<RecipeOp, DraftStep> = {
  flatline: { op: "flatline", minutes: 60 },
  limits: { op: "limits" },
  dropZeros: { op: "dropZeros" },
  gradient: { op: "gradient", maxChangePerMinute: 1, maxDurationMinutes: 60 },
  fillGaps: { op: "fillGaps", maxGapMinutes: 60 },
  outliers: { op: "outliers", method: "zscore" },
  crop: { op: "crop" },
  shift: { op: "shift", minutes: 60 },
  resample: { op: "resample", stepMinutes: 15, method: "mean" },
};

const isOp = (op: unknown): op is RecipeOp => typeof op === "string" && op in STEP_FIELDS;

function without(step: DraftStep, key: string): DraftStep {
  const next = { ...step };
  delete next[key];
  return next;
}

function FieldError({ issues, path }: { issues: Map<string, string>; path: string }) {
  const message = issues.get(path);
  return message ? (
    <span className="error-text" data-testid={`issue-${path}`}>
      {message}
    </span>
  ) : null;
}

function FieldInput({ field, step, path, onChange }: { field: StepField; step: DraftStep; path: string; onChange: (step: DraftStep) => void }) {
  const t = useTranslations("process");
  const value = step[field.key];
  const set = (next: unknown) => onChange(next === undefined ? without(step, field.key) : { ...step, [field.key]: next });
  if (field.kind === "choice") {
    return (
      <select value={typeof value === "string" ? value : ""} onChange={(event) => set(event.target.value || undefined)} data-testid={`field-${path}`}>
        {field.required && typeof value === "string" && field.options.includes(value) ? null : <option value="">{field.required ? t("choose") : t("default")}</option>}
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  }
  if (field.kind === "time") {
    return <input type="text" value={typeof value === "string" ? value : ""} placeholder="2024-03-31T00:00:00Z" onChange={(event) => set(event.target.value.trim() || undefined)} data-testid={`field-${path}`} />;
  }
  return (
    <input
      type="number"
      step="any"
      value={typeof value === "number" && Number.isFinite(value) ? value : ""}
      onChange={(event) => set(event.target.value === "" ? undefined : Number(event.target.value))}
      data-testid={`field-${path}`}
    />
  );
}

function ColumnsField({ step, path, columns, onChange }: { step: DraftStep; path: string; columns: DatasetColumnView[]; onChange: (step: DraftStep) => void }) {
  const t = useTranslations("process");
  const chosen = Array.isArray(step.columns) ? (step.columns as unknown[]).filter((name): name is string => typeof name === "string") : [];
  // A pasted recipe may name columns this dataset lacks: they stay listed so they can be unticked.
  const names = [...columns.map((column) => column.name), ...chosen.filter((name) => !columns.some((column) => column.name === name))];
  const toggle = (name: string, on: boolean) => {
    const next = names.filter((candidate) => (candidate === name ? on : chosen.includes(candidate)));
    onChange(next.length === 0 ? without(step, "columns") : { ...step, columns: next });
  };
  return (
    <fieldset className="value-columns choice-list" data-testid={`field-${path}`}>
      <legend>{chosen.length === 0 ? t("allColumns") : t("someColumns", { count: chosen.length })}</legend>
      {names.map((name) => (
        <label key={name} className="check">
          <input type="checkbox" checked={chosen.includes(name)} onChange={(event) => toggle(name, event.target.checked)} />
          {name}
        </label>
      ))}
    </fieldset>
  );
}

function StepCard({
  step,
  index,
  count,
  columns,
  issues,
  onChange,
  onMove,
  onRemove,
}: {
  step: DraftStep;
  index: number;
  count: number;
  columns: DatasetColumnView[];
  issues: Map<string, string>;
  onChange: (step: DraftStep) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("process");
  const base = `steps[${index}]`;
  const op = isOp(step.op) ? step.op : null;
  const takesColumns = op !== null && STEP_TAKES_COLUMNS.has(op);
  // Problems of fields the form has no input for (e.g. an unknown field in a pasted recipe).
  const shown = new Set([base, `${base}.op`, ...(op ? STEP_FIELDS[op].map((field) => `${base}.${field.key}`) : []), ...(takesColumns ? [`${base}.columns`] : [])]);
  const otherIssues = [...issues.keys()].filter((path) => path.startsWith(`${base}.`) && !shown.has(path) && !(takesColumns && path.startsWith(`${base}.columns[`)));
  return (
    <li className="panel step-card" data-testid="recipe-step" data-op={op ?? ""}>
      <div className="step-head">
        <span className="step-number">{index + 1}</span>
        <strong>{op ? t(`ops.${op}`) : String(step.op ?? "?")}</strong>
        <span className="actions">
          <button type="button" className="button" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t("moveUp")} data-testid="step-up">
            ↑
          </button>
          <button type="button" className="button" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t("moveDown")} data-testid="step-down">
            ↓
          </button>
          <button type="button" className="button danger" onClick={onRemove} data-testid="step-remove">
            {t("remove")}
          </button>
        </span>
      </div>
      {op ? <p className="muted step-hint">{t(`opHints.${op}`)}</p> : null}
      <FieldError issues={issues} path={base} />
      <FieldError issues={issues} path={`${base}.op`} />
      {op && (STEP_FIELDS[op].length > 0 || takesColumns) ? (
        <div className="form-grid step-fields">
          {STEP_FIELDS[op].map((field) => (
            <label key={field.key}>
              {t(`fields.${field.key}`)}
              <FieldInput field={field} step={step} path={`${base}.${field.key}`} onChange={onChange} />
              <FieldError issues={issues} path={`${base}.${field.key}`} />
            </label>
          ))}
          {takesColumns ? (
            <div className="step-columns-cell">
              <ColumnsField step={step} path={`${base}.columns`} columns={columns} onChange={onChange} />
              <FieldError issues={issues} path={`${base}.columns`} />
              {Array.isArray(step.columns) ? step.columns.map((_, k) => <FieldError key={k} issues={issues} path={`${base}.columns[${k}]`} />) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {otherIssues.map((path) => (
        <p key={path} className="error-text" data-testid={`issue-${path}`}>
          {path.slice(base.length + 1)}: {issues.get(path)}
        </p>
      ))}
    </li>
  );
}

/**
 * The recipe's steps as forms: add, reorder, remove and configure them. Every message of the
 * recipe schema is shown next to the field it names.
 */
export function RecipeEditor({ draft, columns, issues, onChange }: { draft: DraftRecipe; columns: DatasetColumnView[]; issues: Map<string, string>; onChange: (draft: DraftRecipe) => void }) {
  const t = useTranslations("process");
  const [adding, setAdding] = useState<RecipeOp>("limits");
  const setSteps = (steps: DraftStep[]) => onChange({ ...draft, steps });
  const { steps } = draft;
  const rootIssues = [...issues].filter(([path]) => !path.startsWith("steps["));
  return (
    <div className="recipe-editor">
      {rootIssues.map(([path, message]) => (
        <p key={path} className="error-text" data-testid={`issue-${path}`}>
          {path ? `${path}: ` : ""}
          {message}
        </p>
      ))}
      {steps.length === 0 ? <p className="muted">{t("noSteps")}</p> : null}
      <ol className="step-list">
        {steps.map((step, index) => (
          <StepCard
            // Steps have no ids; the position and op identify the card well enough for React.
            key={`${index}-${String(step.op)}`}
            step={step}
            index={index}
            count={steps.length}
            columns={columns}
            issues={issues}
            onChange={(next) => setSteps(steps.map((one, i) => (i === index ? next : one)))}
            onMove={(by) => {
              const next = [...steps];
              [next[index], next[index + by]] = [next[index + by], next[index]];
              setSteps(next);
            }}
            onRemove={() => setSteps(steps.filter((_, i) => i !== index))}
          />
        ))}
      </ol>
      <div className="actions add-step">
        <select value={adding} onChange={(event) => setAdding(event.target.value as RecipeOp)} data-testid="add-step-op" aria-label={t("addStep")}>
          {RECIPE_OPS.map((op) => (
            <option key={op} value={op}>
              {t(`ops.${op}`)}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => setSteps([...steps, { ...NEW_STEP[adding] }])} data-testid="add-step">
          {t("addStep")}
        </button>
      </div>
    </div>
  );
}
