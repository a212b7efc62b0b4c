"use client";

import { useState } from "react";

const parse = (text: string): number | null => {
  if (text.trim() === "") return null;
  const value = Number(text.replace(",", "."));
  return Number.isFinite(value) ? value : null;
};

/**
 * A number of the training config. The text is the user's while typing ("-", "0."); the
 * config gets the number, or null (undefined for an optional field) while it is not one,
 * so the schema can say what is missing next to the field.
 */
export function ConfigNumberField({
  label,
  value,
  onChange,
  error,
  optional = false,
  testId,
}: {
  label: string;
  value: unknown;
  onChange: (value: number | null | undefined) => void;
  error?: string;
  optional?: boolean;
  testId?: string;
}) {
  const shown = typeof value === "number" ? String(value) : "";
  const [text, setText] = useState(shown);
  // Follow the config when it changes from elsewhere (a reset, another field's rule).
  const current = parse(text) === (typeof value === "number" ? value : null) ? text : shown;
  return (
    <label className={error ? "invalid" : undefined}>
      {label}
      <input
        inputMode="decimal"
        value={current}
        onChange={(event) => {
          setText(event.target.value);
          const parsed = parse(event.target.value);
          onChange(parsed === null && optional ? undefined : parsed);
        }}
        aria-invalid={error ? true : undefined}
        data-testid={testId}
      />
      {error ? <span className="field-error">{error}</span> : null}
    </label>
  );
}
