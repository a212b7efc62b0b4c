import { COMBINED_FORMATS, DATE_ONLY_FORMATS, TIME_ONLY_FORMATS } from "./datetime-candidates";
import type { TimeKind } from "./import-options";
import { compileCached, inferDateTimeFormat, MIN_MATCH_SHARE, type DateTimeInference } from "./infer-datetime-format";
import type { TimeLayout } from "./layout";

export interface TimeColumnHints {
  columns?: number[];
  kind?: TimeKind;
  format?: string;
  monthFirst: boolean;
}

/** Date-only formats first: a combined format also reads a bare date (as midnight), and a tie goes to the earlier candidate. */
const DATE_AND_COMBINED = [...DATE_ONLY_FORMATS, ...COMBINED_FORMATS];
const DATE_ONLY = new Set(DATE_ONLY_FORMATS);
const EPOCH_NAME = /time|zeit|epoch|unix|stamp|date|datum|^ts$/i;
const EPOCH_RANGES: Array<{ kind: TimeKind; min: number; max: number }> = [
  { kind: "epochSeconds", min: 1e8, max: 1e10 },
  { kind: "epochMillis", min: 1e11, max: 1e13 },
];
const MONOTONE_SHARE = 0.9;

function columnValues(records: readonly string[][], column: number): string[] {
  const values: string[] = [];
  for (const fields of records) if (column < fields.length) values.push(fields[column]);
  return values;
}

function joinedValues(records: readonly string[][], date: number, time: number): string[] {
  const values: string[] = [];
  for (const fields of records) if (Math.max(date, time) < fields.length) values.push(`${fields[date].trim()} ${fields[time].trim()}`);
  return values;
}

function ambiguityOf(inference: DateTimeInference, joinedTime = ""): TimeLayout["ambiguity"] {
  if (inference.ambiguousWith === null) return null;
  const order = inference.format.indexOf("%d") < inference.format.indexOf("%m") ? "day first" : "month first";
  const alternatives = [inference.format + joinedTime, inference.ambiguousWith + joinedTime];
  return {
    message: `every date fits both day/month orders (is 03/04 the 3rd of April or the 4th of March?); read ${order} as ${alternatives[0]}, the other reading is ${alternatives[1]}`,
    alternatives,
  };
}

function combined(column: number, inference: DateTimeInference): TimeLayout {
  return { kind: "combined", columns: [column], format: inference.format, hasOffset: inference.format.includes("%z"), ambiguity: ambiguityOf(inference) };
}

function dateAndTime(date: number, time: number, dateInference: DateTimeInference, timeFormat: string): TimeLayout {
  return {
    kind: "dateTime",
    columns: [date, time],
    format: `${dateInference.format} ${timeFormat}`,
    hasOffset: false,
    ambiguity: ambiguityOf(dateInference, ` ${timeFormat}`),
  };
}

/** Epoch seconds or milliseconds: every value a number in a plausible range (1973–2286), mostly ascending. */
function inferEpoch(values: readonly string[], kind?: TimeKind): TimeKind | null {
  const texts = values.map((value) => value.trim()).filter((value) => value !== "");
  const numbers = texts.map(Number).filter((value) => Number.isFinite(value));
  if (numbers.length === 0 || numbers.length < MIN_MATCH_SHARE * texts.length) return null;
  let ascending = 0;
  for (let i = 1; i < numbers.length; i++) if (numbers[i] >= numbers[i - 1]) ascending++;
  if (numbers.length > 2 && ascending < MONOTONE_SHARE * (numbers.length - 1)) return null;
  if (kind === "epochSeconds" || kind === "epochMillis") return kind;
  for (const range of EPOCH_RANGES) {
    if (numbers.every((value) => value >= range.min && value < range.max)) return range.kind;
  }
  return null;
}

function epochLayout(column: number, kind: TimeKind): TimeLayout {
  return { kind, columns: [column], format: "", hasOffset: true, ambiguity: null };
}

function matchesFormat(values: readonly string[], format: string): boolean {
  const parser = compileCached(format);
  const texts = values.filter((value) => value.trim() !== "");
  if (texts.length === 0) return false;
  const matched = texts.filter((text) => !Number.isNaN(parser.parse(text))).length;
  return matched >= MIN_MATCH_SHARE * texts.length;
}

function withGivenFormat(records: readonly string[][], fieldCount: number, format: string, columns?: number[]): TimeLayout | null {
  const layoutFor = (cols: number[]): TimeLayout => ({
    kind: cols.length === 2 ? "dateTime" : "combined",
    columns: cols,
    format,
    hasOffset: format.includes("%z"),
    ambiguity: null,
  });
  if (columns) return layoutFor(columns);
  for (let c = 0; c < fieldCount; c++) {
    // The pair first: a combined format also reads a bare date column (as midnight).
    if (c + 1 < fieldCount && matchesFormat(joinedValues(records, c, c + 1), format)) return layoutFor([c, c + 1]);
    if (matchesFormat(columnValues(records, c), format)) return layoutFor([c]);
  }
  return null;
}

function inferAt(records: readonly string[][], column: number, fieldCount: number, monthFirst: boolean): TimeLayout | null {
  const values = columnValues(records, column);
  const inference = inferDateTimeFormat(values, DATE_AND_COMBINED, monthFirst);
  if (inference && !DATE_ONLY.has(inference.format)) return combined(column, inference);
  const neighbours = [column + 1, column - 1].filter((c) => c >= 0 && c < fieldCount);
  if (inference) {
    for (const other of neighbours) {
      const time = inferDateTimeFormat(columnValues(records, other), TIME_ONLY_FORMATS, monthFirst);
      if (time) return dateAndTime(column, other, inference, time.format);
    }
    return combined(column, inference);
  }
  return null;
}

/**
 * Finds the timestamp column(s) in data records: the leftmost column read by one datetime
 * format (a date column next to a time column makes a date + time pair), else a column of
 * epoch seconds/milliseconds (the first column or one named like a time). Hints fix any part.
 */
export function detectTimeColumns(records: readonly string[][], fieldCount: number, names: readonly string[], hints: TimeColumnHints): TimeLayout | null {
  const { columns, kind, format, monthFirst } = hints;
  if (kind === "epochSeconds" || kind === "epochMillis") {
    const candidates = columns ?? Array.from({ length: fieldCount }, (_, c) => c);
    for (const c of candidates) if (inferEpoch(columnValues(records, c), kind)) return epochLayout(c, kind);
    return columns ? epochLayout(columns[0], kind) : null;
  }
  if (format) return withGivenFormat(records, fieldCount, format, columns);
  if (columns?.length === 2) {
    const date = inferDateTimeFormat(columnValues(records, columns[0]), DATE_ONLY_FORMATS, monthFirst);
    const time = inferDateTimeFormat(columnValues(records, columns[1]), TIME_ONLY_FORMATS, monthFirst);
    return date && time ? dateAndTime(columns[0], columns[1], date, time.format) : null;
  }
  if (columns?.length === 1) {
    const found = inferAt(records, columns[0], fieldCount, monthFirst);
    if (found) return found;
    const epoch = inferEpoch(columnValues(records, columns[0]));
    return epoch ? epochLayout(columns[0], epoch) : null;
  }
  for (let c = 0; c < fieldCount; c++) {
    const found = inferAt(records, c, fieldCount, monthFirst);
    if (found) return found;
  }
  for (let c = 0; c < fieldCount; c++) {
    if (c !== 0 && !EPOCH_NAME.test(names[c] ?? "")) continue;
    const epoch = inferEpoch(columnValues(records, c));
    if (epoch) return epochLayout(c, epoch);
  }
  return null;
}
