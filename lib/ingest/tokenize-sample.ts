import { FieldBuffer, RecordScanner } from "./scan-record";

export interface SampleRecord {
  /** 0-based record index (the unit of skipLines). */
  index: number;
  /** 1-based physical line number where the record starts. */
  line: number;
  fields: string[];
  blank: boolean;
}

/**
 * Splits a text sample into records of string fields, for detection and previews only (the
 * streaming parser never makes row arrays). When `complete` is false the sample was cut
 * from a longer file and its last, possibly partial record is left out.
 */
export function tokenizeSample(text: string, delimiter: string, quote: string, complete: boolean, maxRecords = Infinity): SampleRecord[] {
  const fields = new FieldBuffer();
  const records: SampleRecord[] = [];
  const scanner = new RecordScanner(delimiter, quote);
  scanner.reset(text);
  let pos = 0;
  let line = 1;
  while (pos < text.length && records.length < maxRecords) {
    const next = scanner.next(pos, fields, complete);
    if (next === -1) break;
    const values: string[] = [];
    for (let i = 0; i < fields.count; i++) values.push(fields.field(text, i));
    records.push({ index: records.length, line, fields: values, blank: values.length === 1 && values[0].trim() === "" });
    line += 1 + fields.innerLineBreaks;
    pos = next;
  }
  return records;
}
