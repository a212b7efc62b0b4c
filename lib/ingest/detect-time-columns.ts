import { DATE_ONLY_FORMATS, isDayFirst, TIME_AXIS_FORMATS, TIME_OF_DAY_FORMATS } from "./datetime-candidates";
import { decideDateOrder } from "./decide-date-order";
import { epochKindOfFormat, isEpochKind, type EpochKind } from "./epoch-kind";
import type { TimeKind } from "./import-options";
import { compileCached, inferDateTimeFormat, MIN_MATCH_SHARE, type DateTimeInference } from "./infer-datetime-format";
import { inferEpoch } from "./infer-epoch";
import type { TimeLayout } from "./layout";
import { looksNumeric } from "./looks-numeric";
import { scoreTimeColumn, TIME_NAME } from "./score-time-column";

export interface TimeColumnHints {
  columns?: number[];
  kind?: TimeKind;
  format?: string;
  monthFirst: boolean;
  /** The user chose the date order: it is obeyed instead of the data's evidence. */
  dateOrderGiven?: boolean;
}

const DATE_ONLY = new Set(DATE_ONLY_FORMATS);
/**
 * A score no later column can beat by enough to matter: a time-like name, one direction, a
 * regular step and separators. The search stops there, so a wide file is not scanned to its
 * last column when its first one is the time.
 */
const CONFIDENT_SCORE = 7.5;

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

const BASIS_TEXT: Record<TimeLayout["dateOrderBy"], string> = {
  data: "only that order gives a regular sequence",
  "12-hour-clock": "a 12-hour clock is a month-first habit",
  locale: "by the locale",
  given: "as chosen",
  unambiguous: "",
};

function ambiguityOf(inference: DateTimeInference, joinedTime = ""): TimeLayout["ambiguity"] {
  if (inference.ambiguousWith === null) return null;
  const order = isDayFirst(inference.format) ? "day first" : "month first";
  const alternatives = [inference.format + joinedTime, inference.ambiguousWith + joinedTime];
  return {
    message: `every date fits both day/month orders (is 03/04 the 3rd of April or the 4th of March?); read ${order} (${BASIS_TEXT[inference.decidedBy]}) as ${alternatives[0]}, the other reading is ${alternatives[1]}`,
    alternatives,
  };
}

function combined(column: number, inference: DateTimeInference): TimeLayout {
  return {
    kind: "combined",
    columns: [column],
    format: inference.format,
    hasOffset: inference.format.includes("%z"),
    ambiguity: ambiguityOf(inference),
    dateOrderBy: inference.decidedBy,
  };
}

/** A date column and a time column; an ambiguous day/month order is decided again on the joined values (their steps and clock). */
function dateAndTime(records: readonly string[][], date: number, time: number, dateInference: DateTimeInference, timeFormat: string, hints: TimeColumnHints): TimeLayout {
  let inference = dateInference;
  if (inference.ambiguousWith !== null && !hints.dateOrderGiven) {
    const decision = decideDateOrder(joinedValues(records, date, time), `${inference.format} ${timeFormat}`, `${inference.ambiguousWith} ${timeFormat}`, hints.monthFirst);
    const [format, other] = [decision.format, decision.other].map((joined) => joined.slice(0, joined.length - timeFormat.length - 1));
    inference = { ...inference, format, ambiguousWith: other, decidedBy: decision.decidedBy };
  }
  return {
    kind: "dateTime",
    columns: [date, time],
    format: `${inference.format} ${timeFormat}`,
    hasOffset: false,
    ambiguity: ambiguityOf(inference, ` ${timeFormat}`),
    dateOrderBy: inference.decidedBy,
  };
}

function epochLayout(column: number, kind: EpochKind): TimeLayout {
  return { kind, columns: [column], format: "", hasOffset: true, ambiguity: null, dateOrderBy: "unambiguous" };
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
    dateOrderBy: format.includes("%d") && format.includes("%m") ? "given" : "unambiguous",
  });
  if (columns) return layoutFor(columns);
  for (let c = 0; c < fieldCount; c++) {
    // The pair first: a combined format also reads a bare date column (as midnight).
    if (c + 1 < fieldCount && matchesFormat(joinedValues(records, c, c + 1), format)) return layoutFor([c, c + 1]);
    if (matchesFormat(columnValues(records, c), format)) return layoutFor([c]);
  }
  return null;
}

/** A user's date order is obeyed: an ambiguous reading is turned to it and marked as given. */
function withOrderGiven(inference: DateTimeInference, hints: TimeColumnHints): DateTimeInference {
  if (!hints.dateOrderGiven || inference.ambiguousWith === null) return inference;
  const keep = isDayFirst(inference.format) === !hints.monthFirst;
  return {
    ...inference,
    format: keep ? inference.format : inference.ambiguousWith,
    ambiguousWith: keep ? inference.ambiguousWith : inference.format,
    decidedBy: "given",
  };
}

/** The text reading of a column: one combined format, or a date column paired with a time column beside it. */
export function inferTextTimeAt(records: readonly string[][], column: number, fieldCount: number, hints: TimeColumnHints): TimeLayout | null {
  const values = columnValues(records, column);
  const found = inferDateTimeFormat(values, TIME_AXIS_FORMATS, hints.monthFirst);
  if (!found) return null;
  const inference = withOrderGiven(found, hints);
  if (!DATE_ONLY.has(inference.format)) return combined(column, inference);
  for (const other of [column + 1, column - 1].filter((c) => c >= 0 && c < fieldCount)) {
    const time = inferDateTimeFormat(columnValues(records, other), TIME_OF_DAY_FORMATS, hints.monthFirst);
    if (time) return dateAndTime(records, column, other, inference, time.format, hints);
  }
  return combined(column, inference);
}

/** The reading of one column as a time axis, text first, then epoch values (in the first column or a column named like a time). */
function candidateAt(records: readonly string[][], column: number, fieldCount: number, name: string, hints: TimeColumnHints): TimeLayout | null {
  const values = columnValues(records, column);
  if (!looksNumeric(values)) {
    const text = inferTextTimeAt(records, column, fieldCount, hints);
    if (text) return text;
  }
  const named = TIME_NAME.test(name);
  if (column !== 0 && !named) return null;
  const epoch = inferEpoch(values, { anyOrder: named });
  return epoch ? epochLayout(column, epoch) : null;
}

/**
 * Finds the timestamp column(s) in data records by evidence: every column that one datetime
 * format reads (a date column next to a time column makes a date + time pair), or that holds
 * epoch seconds/milliseconds/microseconds, is scored on its name, its order, its step and
 * its values (score-time-column.ts); the best wins, the leftmost on a tie. Hints fix any part:
 * given columns are obeyed exactly.
 */
export function detectTimeColumns(records: readonly string[][], fieldCount: number, names: readonly string[], hints: TimeColumnHints): TimeLayout | null {
  const { columns, format } = hints;
  const kind = epochKindOfFormat(format) ?? hints.kind;
  if (isEpochKind(kind)) {
    if (columns) return epochLayout(columns[0], kind);
    const all = Array.from({ length: fieldCount }, (_, c) => c);
    // A column in the unit's range first (the value column left of it is numeric too), else any numeric one.
    const found = all.find((c) => inferEpoch(columnValues(records, c), { anyOrder: true }) === kind) ?? all.find((c) => inferEpoch(columnValues(records, c), { kind }));
    return found === undefined ? null : epochLayout(found, kind);
  }
  if (format) return withGivenFormat(records, fieldCount, format, columns);
  if (columns?.length === 2) {
    const date = inferDateTimeFormat(columnValues(records, columns[0]), DATE_ONLY_FORMATS, hints.monthFirst);
    const time = inferDateTimeFormat(columnValues(records, columns[1]), TIME_OF_DAY_FORMATS, hints.monthFirst);
    return date && time ? dateAndTime(records, columns[0], columns[1], withOrderGiven(date, hints), time.format, hints) : null;
  }
  if (columns?.length === 1) {
    const found = inferTextTimeAt(records, columns[0], fieldCount, hints);
    if (found) return found;
    const epoch = inferEpoch(columnValues(records, columns[0]), { anyOrder: true });
    return epoch ? epochLayout(columns[0], epoch) : null;
  }
  let best: TimeLayout | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < fieldCount && bestScore < CONFIDENT_SCORE; c++) {
    const candidate = candidateAt(records, c, fieldCount, names[c] ?? "", hints);
    if (!candidate) continue;
    const score = scoreTimeColumn(records, candidate, names);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
