import type { SampleRecord } from "./tokenize-sample";

export interface HeaderRows {
  skipLines: number;
  headerIndex: number | null;
  unitsIndex: number | null;
  /** Record index of the first data row. */
  firstDataIndex: number;
}

const NUMBER = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/;
const BRACKETED = /^[[(].*[\])]$/;
const MAX_UNIT_LENGTH = 24;

function isNumberText(text: string): boolean {
  return NUMBER.test(text.trim());
}

function hasFieldCountOfData(record: SampleRecord, fieldCount: number): boolean {
  const count = record.fields.length;
  return count >= Math.min(2, fieldCount) && count >= fieldCount - 1 && count <= fieldCount + 1;
}

/**
 * Finds where the data starts (the first record of the data's width whose timestamp reads) and, directly above it, the header row and an optional units row (its
 * timestamp cell is empty, or every cell is bracketed like `[kW]`). Everything above the
 * header is metadata to skip.
 */
export function detectHeaderRows(records: readonly SampleRecord[], fieldCount: number, timeColumns: readonly number[], readTime: (fields: readonly string[]) => number): HeaderRows | null {
  // Comment lines between the header and the data are rows the import skips and reports.
  const nonBlank = records.filter((record) => !record.blank && !record.fields[0].startsWith("#"));
  const isData = (record: SampleRecord) => !Number.isNaN(readTime(record.fields));
  // The first record that reads as data and has the data's width (a metadata line such as
  // "2023-12-31 export" has one field); later unreadable rows are data rows the import reports.
  const first = nonBlank.findIndex((record) => hasFieldCountOfData(record, fieldCount) && isData(record));
  if (first === -1) return null;
  const looksLikeHeader = (record: SampleRecord | undefined): record is SampleRecord =>
    record !== undefined &&
    hasFieldCountOfData(record, fieldCount) &&
    !isData(record) &&
    record.fields.some((field) => field.trim() !== "" && !isNumberText(field));
  const looksLikeUnits = (record: SampleRecord): boolean => {
    const cells = record.fields.map((field) => field.trim()).filter((field) => field !== "");
    if (cells.length === 0 || cells.some((cell) => cell.length > MAX_UNIT_LENGTH || isNumberText(cell))) return false;
    const timeCellsEmpty = timeColumns.every((column) => (record.fields[column] ?? "").trim() === "");
    return timeCellsEmpty || cells.every((cell) => BRACKETED.test(cell));
  };
  const firstData = nonBlank[first];
  const above = nonBlank[first - 1];
  const twoAbove = nonBlank[first - 2];
  if (looksLikeHeader(above) && looksLikeHeader(twoAbove) && looksLikeUnits(above)) {
    return { skipLines: twoAbove.index, headerIndex: twoAbove.index, unitsIndex: above.index, firstDataIndex: firstData.index };
  }
  if (looksLikeHeader(above)) return { skipLines: above.index, headerIndex: above.index, unitsIndex: null, firstDataIndex: firstData.index };
  return { skipLines: firstData.index, headerIndex: null, unitsIndex: null, firstDataIndex: firstData.index };
}
