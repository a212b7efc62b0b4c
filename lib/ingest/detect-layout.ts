import type { ZoneChoice } from "@/lib/contracts/zone-choice";
import { detectDelimiter } from "./detect-delimiter";
import { detectHeaderRows, type HeaderRows } from "./detect-header-rows";
import { detectNumberFormat } from "./detect-number-format";
import { closestTimeColumn } from "./closest-time-column";
import { detectTimeColumns, type TimeColumnHints } from "./detect-time-columns";
import { detectTimeMetadata } from "./detect-time-metadata";
import { epochScale } from "./epoch-kind";
import { findZoneColumn } from "./find-zone-column";
import { inferZone } from "./infer-zone";
import { IngestError } from "./ingest-error";
import { resolveIngestLimits, type IngestLimits } from "./ingest-limits";
import type { Encoding, ImportOptions } from "./import-options";
import type { Layout, LayoutColumn, TimeLayout } from "./layout";
import { prefersMonthFirst } from "./prefers-month-first";
import { sampleTimeReader } from "./read-sample-time";
import { resolveColumn } from "./resolve-column";
import { tokenizeSample, type SampleRecord } from "./tokenize-sample";

export interface DetectLayoutInput {
  /** The encoding the sample was decoded with (recorded in the layout). */
  encoding?: Encoding;
  /** True when the sample is the whole file; false when it was cut (its last partial line is ignored). */
  complete: boolean;
  options?: ImportOptions;
  limits?: Partial<IngestLimits>;
  /** The zone choice an earlier pass over the whole file made from its DST changes. */
  zone?: ZoneChoice;
}

const MAX_SAMPLE_RECORDS = 5000;
const MAX_NUMBER_SAMPLE_RECORDS = 1000;
/** Leading records dropped in turn when the time column does not show in the whole sample (metadata, headers). */
const LEADING_DROPS = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55];
const BRACKETS = /^[[(](.*)[\])]$/;

function modalFieldCount(records: readonly SampleRecord[]): number {
  const tail = records.slice(Math.floor(records.length / 3));
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const record of tail) {
    const count = (counts.get(record.fields.length) ?? 0) + 1;
    counts.set(record.fields.length, count);
    if (count > bestCount || (count === bestCount && record.fields.length > best)) {
      best = record.fields.length;
      bestCount = count;
    }
  }
  return best;
}

function findTime(nonBlank: readonly SampleRecord[], fieldCount: number, names: readonly string[], hints: TimeColumnHints): TimeLayout | null {
  for (const drop of LEADING_DROPS) {
    if (drop > 0 && drop >= nonBlank.length) break;
    const found = detectTimeColumns(nonBlank.slice(drop).map((record) => record.fields), fieldCount, names, hints);
    if (found) return found;
  }
  return null;
}

function noTimeColumnError(nonBlank: readonly SampleRecord[], fieldCount: number, names: readonly string[]): IngestError {
  const hasNumbers = nonBlank.slice(1).some((record) => record.fields.some((field) => /\d/.test(field)));
  if (!hasNumbers) return new IngestError("the file has no data rows (only a header or text lines)");
  const example = nonBlank[Math.min(nonBlank.length - 1, Math.floor(nonBlank.length / 2))].fields.join(" | ").slice(0, 80);
  const closest = closestTimeColumn(
    nonBlank.map((record) => record.fields),
    fieldCount,
    names,
  );
  return new IngestError(
    `no time column found: looked at ${fieldCount} column(s) for dates and times in the known formats, epoch seconds/milliseconds/microseconds and Excel serial days (a data line reads '${example}'); ${closest}; give the format (--format, e.g. '%Y-%m-%d %H:%M' or epoch-s)`,
  );
}

/** Header rows as the user set them, the rest as detected. */
function applyRowOptions(records: readonly SampleRecord[], detected: HeaderRows, options: ImportOptions): HeaderRows {
  if (options.skipLines === undefined && options.headerRow === undefined && options.unitsRow === undefined) return detected;
  const skipLines = options.skipLines ?? detected.skipLines;
  const headerRow = options.headerRow ?? detected.headerIndex !== null;
  const unitsRow = options.unitsRow ?? detected.unitsIndex !== null;
  const rest = records.filter((record) => record.index >= skipLines && !record.blank);
  let next = 0;
  const headerIndex = headerRow && rest[next] ? rest[next++].index : null;
  const unitsIndex = unitsRow && rest[next] ? rest[next++].index : null;
  return { skipLines, headerIndex, unitsIndex, firstDataIndex: rest[next]?.index ?? Number.POSITIVE_INFINITY };
}

function uniqueNames(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}_${count}`;
  });
}

/**
 * Detects the layout of a delimited text export from a sample of its beginning (the first
 * ~64 kB): delimiter and quoting, metadata lines, header and units rows, the timestamp
 * column(s) and their one format, decimal mark and thousands separator, the value columns.
 * Every choice present in `options` is taken as given instead of detected. Pure: the same
 * sample gives the same layout on any machine and in any time zone.
 */
export function detectLayout(sample: string, input: DetectLayoutInput): Layout {
  const options = input.options ?? {};
  const limits = resolveIngestLimits(input.limits);
  const text = sample.charCodeAt(0) === 0xfeff ? sample.slice(1) : sample;
  const quote = options.quote ?? '"';
  if (text.trim() === "") throw new IngestError("the file is empty");
  const delimiter = options.delimiter ?? detectDelimiter(text, quote, input.complete);
  const records = tokenizeSample(text, delimiter, quote, input.complete, MAX_SAMPLE_RECORDS);
  const nonBlank = records.filter((record) => !record.blank);
  if (nonBlank.length === 0) throw new IngestError("the file's first line is longer than the sample; check the delimiter and quoting");
  const fieldCount = modalFieldCount(nonBlank);
  if (fieldCount > limits.maxColumns) throw new IngestError(`the file has ${fieldCount} columns; the limit is ${limits.maxColumns}`);

  const monthFirst = options.dateOrder ? options.dateOrder === "monthFirst" : prefersMonthFirst(options.locale);
  const provisionalNames = nonBlank.find((record) => record.fields.length >= fieldCount - 1)?.fields.map((field) => field.trim()) ?? [];
  const numericColumns = options.timeColumns?.every((ref) => typeof ref === "number") ? (options.timeColumns as number[]) : undefined;
  const hints: TimeColumnHints = { columns: numericColumns, kind: options.timeKind, format: options.timeFormat, monthFirst, dateOrderGiven: options.dateOrder !== undefined };
  let time = options.timeColumns && !numericColumns ? null : findTime(nonBlank, fieldCount, provisionalNames, hints);
  let rows = time ? detectHeaderRows(records, fieldCount, time.columns, sampleTimeReader(time)) : null;

  if (options.timeColumns && !numericColumns) {
    // Named time columns: find the header with any time column first, then resolve the names in it.
    const auto = findTime(nonBlank, fieldCount, provisionalNames, { monthFirst });
    const autoRows = auto ? detectHeaderRows(records, fieldCount, auto.columns, sampleTimeReader(auto)) : null;
    const header = autoRows?.headerIndex != null ? records[autoRows.headerIndex].fields.map((field) => field.trim()) : provisionalNames;
    const columns = options.timeColumns.map((ref) => resolveColumn(ref, header));
    time = findTime(nonBlank, fieldCount, provisionalNames, { ...hints, columns });
    if (!time) throw new IngestError(`the column '${options.timeColumns.join("', '")}' does not hold readable timestamps; give the format (--format)`);
    rows = detectHeaderRows(records, fieldCount, time.columns, sampleTimeReader(time));
  }
  if (!time) {
    if (options.timeFormat) throw new IngestError(`no column matches the date format '${options.timeFormat}'`);
    throw noTimeColumnError(nonBlank, fieldCount, provisionalNames);
  }
  if (!rows) throw new IngestError("the file has no data rows whose timestamp can be read");
  rows = applyRowOptions(records, rows, options);

  const header = rows.headerIndex !== null ? records[rows.headerIndex].fields.map((field) => field.trim()) : [];
  const units = rows.unitsIndex !== null ? records[rows.unitsIndex].fields.map((field) => field.trim().replace(BRACKETS, "$1").trim()) : [];
  const width = Math.max(fieldCount, header.length);
  const names = uniqueNames(Array.from({ length: width }, (_, i) => header[i] || `column${i + 1}`));
  const columns: LayoutColumn[] = names.map((name, index) => (units[index] ? { index, name, unit: units[index] } : { index, name }));

  const dataRecords = records.filter((record) => record.index >= rows.firstDataIndex && !record.blank);
  const isEmptyColumn = (c: number) => dataRecords.every((record) => (record.fields[c] ?? "").trim() === "");
  const isEpoch = epochScale(time.kind) !== null;
  const zoneColumn = isEpoch ? null : findZoneColumn(dataRecords.map((record) => record.fields), fieldCount, time.columns);
  const timeMetadata = options.valueColumns
    ? []
    : detectTimeMetadata(
        dataRecords.slice(0, MAX_NUMBER_SAMPLE_RECORDS).map((record) => record.fields),
        names,
        time,
        monthFirst,
      );
  const isTimeMetadata = (c: number) => c === zoneColumn?.column || timeMetadata.some((column) => column.index === c);
  const valueColumns = options.valueColumns
    ? options.valueColumns.map((ref) => resolveColumn(ref, names))
    : columns.map((column) => column.index).filter((c) => !time.columns.includes(c) && !isTimeMetadata(c) && !(!header[c] && isEmptyColumn(c)));
  const metadataText = timeMetadata.map((column) => `${column.name} (${column.reason})`).join(", ");
  if (valueColumns.length === 0) throw new IngestError(`the file has a time column but no value columns${metadataText ? ` (time-like columns left out: ${metadataText})` : ""}`);

  const cells = dataRecords.slice(0, MAX_NUMBER_SAMPLE_RECORDS).flatMap((record) => valueColumns.map((c) => record.fields[c] ?? ""));
  const detectedNumbers = detectNumberFormat(cells, delimiter);
  const decimal = options.decimal ?? detectedNumbers.decimal;
  // A decimal mark chosen by the user wins over a detected thousands separator that is the same character.
  const thousands = options.thousands ?? (detectedNumbers.thousands === decimal ? "" : detectedNumbers.thousands);
  const readTime = sampleTimeReader(time);
  // Epoch values and values with offsets are instants: no zone is inferred for them (a given one still reads a value lacking its offset).
  const zone = isEpoch || time.hasOffset ? null : inferZone({
    option: options.timezone,
    decided: input.zone,
    zoneColumn,
    zoneColumnName: zoneColumn ? names[zoneColumn.column] : undefined,
    metadata: records.filter((record) => record.index < rows.skipLines && !record.blank).map((record) => record.fields),
    timeHeaders: time.columns.flatMap((c) => [header[c] ?? "", units[c] ?? ""]).filter((cell) => cell !== ""),
    localTimes: dataRecords.map((record) => readTime(record.fields)),
    userZone: options.userZone,
  });
  const notes: string[] = [];
  if (time.ambiguity) notes.push(time.ambiguity.message);
  if (rows.headerIndex === null) notes.push("no header row: the columns are named column1, column2, …");
  if (rows.skipLines > 0) notes.push(`${rows.skipLines} line(s) before the ${rows.headerIndex === null ? "data" : "header"} are skipped`);
  return {
    encoding: options.encoding ?? input.encoding ?? "utf-8",
    delimiter,
    quote,
    decimal,
    thousands,
    skipLines: rows.skipLines,
    headerRow: rows.headerIndex !== null,
    unitsRow: rows.unitsIndex !== null,
    fieldCount,
    columns,
    time,
    valueColumns,
    timeMetadata,
    timezone: zone ? (zone.source === "utc-default" ? null : zone.zone) : (options.timezone ?? null),
    zone,
    zoneColumn: zoneColumn?.column ?? null,
    missing: options.missing ?? [],
    notes,
  };
}
