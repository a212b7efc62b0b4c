"use client";

import type { SeriesSource } from "@/lib/contracts/series-source";

export interface SeriesChoice {
  datasetId: string;
  column: string;
}

/** The choice after picking another dataset: the same column name when it has one, else its column number `preferred` (or the last). */
export function choiceIn(source: SeriesSource | undefined, column: string, preferred = 0): SeriesChoice {
  if (!source) return { datasetId: "", column: "" };
  const names = source.columns.map((candidate) => candidate.name);
  return { datasetId: source.id, column: names.includes(column) ? column : (names[Math.min(preferred, names.length - 1)] ?? "") };
}

interface SelectProps {
  sources: SeriesSource[];
  value: SeriesChoice;
  onChange: (choice: SeriesChoice) => void;
  label: string;
  testId: string;
}

export function DatasetSelect({ sources, value, onChange, label, testId }: SelectProps) {
  return (
    <select aria-label={label} value={value.datasetId} onChange={(event) => onChange(choiceIn(sources.find((candidate) => candidate.id === event.target.value), value.column))} data-testid={testId}>
      {sources.map((candidate) => (
        <option key={candidate.id} value={candidate.id}>
          {candidate.name}
        </option>
      ))}
    </select>
  );
}

export function ColumnSelect({ sources, value, onChange, label, testId }: SelectProps) {
  const source = sources.find((candidate) => candidate.id === value.datasetId);
  return (
    <select aria-label={label} value={value.column} onChange={(event) => onChange({ datasetId: value.datasetId, column: event.target.value })} data-testid={testId}>
      {(source?.columns ?? []).map((column) => (
        <option key={column.name} value={column.name}>
          {column.unit ? `${column.name} [${column.unit}]` : column.name}
        </option>
      ))}
    </select>
  );
}

/** A dataset and one of its value columns, as two labelled selects of a form grid. */
export function SeriesPicker({ sources, value, onChange, datasetLabel, columnLabel, testId }: Omit<SelectProps, "label" | "testId"> & { datasetLabel: string; columnLabel: string; testId: string }) {
  return (
    <>
      <label>
        {datasetLabel}
        <DatasetSelect sources={sources} value={value} onChange={onChange} label={datasetLabel} testId={`${testId}-dataset`} />
      </label>
      <label>
        {columnLabel}
        <ColumnSelect sources={sources} value={value} onChange={onChange} label={columnLabel} testId={`${testId}-column`} />
      </label>
    </>
  );
}
