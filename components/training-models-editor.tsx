"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { modelConfigSchema, type ModelKind } from "@/lib/train/training-config";
import { ConfigNumberField } from "./config-number-field";
import { valueAt, type DraftPath } from "./hooks/use-config-draft";

const KINDS: ModelKind[] = ["naive", "seasonalNaive", "linear", "svr", "dense", "cnn", "lstm", "arLstm"];
const NET_KINDS: ModelKind[] = ["dense", "cnn", "lstm", "arLstm"];

/** Number fields of each kind, in the order shown; `optional` ones may stay empty (a default applies). */
const NUMBER_FIELDS: Partial<Record<ModelKind, { name: string; optional?: boolean }[]>> = {
  seasonalNaive: [{ name: "periodHours" }],
  linear: [{ name: "alpha" }],
  svr: [{ name: "C" }, { name: "epsilon" }, { name: "gamma", optional: true }, { name: "degree" }, { name: "maxTrainingSamples" }],
};
/** SVR fields that only some kernels use (LIBSVM: the degree is the polynomial's, gamma is not the linear kernel's). */
const SVR_KERNEL_FIELDS: Record<string, string[]> = { degree: ["poly"], gamma: ["rbf", "poly", "sigmoid"] };
const NET_NUMBERS = ["layers", "units", "epochs", "learningRate", "batchSize", "patience", "seed"];

/** Choice fields of each kind with their options. */
const CHOICE_FIELDS: Partial<Record<ModelKind, { name: string; options: string[] }[]>> = {
  linear: [{ name: "normalize", options: ["none", "last", "mean"] }],
  svr: [
    { name: "mode", options: ["direct", "mimo"] },
    { name: "kernel", options: ["rbf", "linear", "poly", "sigmoid"] },
  ],
};
const ACTIVATIONS = ["relu", "sigmoid", "tanh", "linear", "softmax", "none"];

/** A model with every hyperparameter at the contract's default. */
const defaults = (kind: ModelKind) => modelConfigSchema.parse({ kind });

/** The models to train and compare, each with its hyperparameters. */
export function TrainingModelsEditor({
  models,
  errors,
  problems,
  onChange,
}: {
  models: unknown[];
  errors: Record<string, string>;
  problems: { index: number; message: string }[];
  onChange: (path: DraftPath, value: unknown) => void;
}) {
  const t = useTranslations("training.models");
  const [adding, setAdding] = useState<ModelKind>("dense");

  return (
    <div className="models" data-testid="models">
      {errors.models ? <p className="field-error">{models.length === 0 ? t("none") : errors.models}</p> : null}
      {models.map((model, index) => {
        const kind = valueAt(model, ["kind"]) as ModelKind;
        const isNet = NET_KINDS.includes(kind);
        const kernel = valueAt(model, ["kernel"]);
        const numbers = isNet
          ? NET_NUMBERS.map((name) => ({ name, optional: false })).concat(kind === "cnn" ? [{ name: "kernelSize", optional: false }] : [])
          : (NUMBER_FIELDS[kind] ?? []).filter((field) => kind !== "svr" || SVR_KERNEL_FIELDS[field.name]?.includes(String(kernel)) !== false);
        const choices = isNet ? [{ name: "activation", options: ACTIVATIONS }] : (CHOICE_FIELDS[kind] ?? []);
        const problem = problems.find((entry) => entry.index === index);
        const at = (field: string) => `models.${index}.${field}`;
        return (
          <div className="model-card" key={index} data-testid={`model-${index}`}>
            <div className="model-head">
              <label className="model-kind">
                <span className="muted">{t("kind")}</span>
                <select value={kind} onChange={(event) => onChange(["models", index], defaults(event.target.value as ModelKind))}>
                  {KINDS.map((option) => (
                    <option key={option} value={option}>
                      {t(`kinds.${option}`)}
                    </option>
                  ))}
                </select>
              </label>
              <span className="muted model-about">{t(`about.${kind}`)}</span>
              <button type="button" className="button danger" onClick={() => onChange(["models"], models.filter((_, i) => i !== index))}>
                {t("remove")}
              </button>
            </div>
            {errors[`models.${index}`] ? <p className="field-error">{errors[`models.${index}`]}</p> : null}
            {problem ? <p className="field-error" data-testid="model-problem">{problem.message}</p> : null}
            {numbers.length + choices.length > 0 ? (
              <div className="form-grid model-fields">
                {choices.map((field) => (
                  <label key={field.name}>
                    {t(`fields.${field.name}`)}
                    <select value={String(valueAt(model, [field.name]) ?? "")} onChange={(event) => onChange(["models", index, field.name], event.target.value)}>
                      {field.options.map((option) => (
                        <option key={option} value={option}>
                          {option}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
                {numbers.map((field) => (
                  <ConfigNumberField
                    key={field.name}
                    label={t(`fields.${field.name}`)}
                    optional={field.optional}
                    value={valueAt(model, [field.name])}
                    onChange={(value) => onChange(["models", index, field.name], value)}
                    error={errors[at(field.name)]}
                  />
                ))}
              </div>
            ) : null}
          </div>
        );
      })}
      <div className="model-add">
        <select value={adding} onChange={(event) => setAdding(event.target.value as ModelKind)} aria-label={t("kind")} data-testid="model-kind-to-add">
          {KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`kinds.${option}`)}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => onChange(["models", models.length], defaults(adding))} data-testid="add-model">
          {t("add")}
        </button>
      </div>
    </div>
  );
}
