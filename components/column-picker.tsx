"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { DatasetColumnView } from "@/lib/contracts/dataset-view";

/** Checkboxes choosing which columns a chart draws, in the dataset's column order; `children` add legend entries. */
export function ColumnPicker({
  columns,
  chosen,
  onChange,
  colorOf,
  children,
}: {
  columns: DatasetColumnView[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  colorOf: (name: string) => string;
  children?: ReactNode;
}) {
  const t = useTranslations("dataset.chart");
  return (
    <fieldset className="column-picker">
      <legend>{t("columns")}</legend>
      {columns.map((column) => (
        <label key={column.name} className="column-choice">
          <input
            type="checkbox"
            checked={chosen.includes(column.name)}
            onChange={(event) => onChange(event.target.checked ? columns.map((c) => c.name).filter((name) => name === column.name || chosen.includes(name)) : chosen.filter((name) => name !== column.name))}
          />
          <span className="swatch" style={{ background: colorOf(column.name) }} />
          {column.name}
          {column.unit ? <span className="unit"> [{column.unit}]</span> : null}
        </label>
      ))}
      {children}
    </fieldset>
  );
}
