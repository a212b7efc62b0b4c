import { Float64Builder } from "./float64-builder";
import type { Frame } from "./frame";
import { sortFrameByTime } from "./sort-frame";

/**
 * The normalised CSV of DESIGN §5: header `timestamp,<columns>`, UTC ISO timestamps with
 * milliseconds, numbers in JavaScript's shortest round-trip form, empty = missing, comma
 * delimiter, UTF-8 without BOM, rows sorted by time.
 */

const ROWS_PER_CHUNK = 8192;

function quoteName(name: string): string {
  return /[",\r\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
}

/** Yields the file as text chunks so that large frames never become one string. */
export function* formatNormalisedCsv(frame: Frame): Generator<string> {
  yield ["timestamp", ...frame.columns.map((column) => quoteName(column.name))].join(",") + "\n";
  const n = frame.time.length;
  const values = frame.columns.map((column) => column.values);
  let chunk = "";
  for (let i = 0; i < n; i++) {
    let line = new Date(frame.time[i]).toISOString();
    for (let c = 0; c < values.length; c++) {
      const v = values[c][i];
      line += Number.isNaN(v) ? "," : "," + String(v);
    }
    chunk += line + "\n";
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

export class NormalisedCsvError extends Error {}

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

function parseIsoUtc(text: string): number {
  const m = ISO_UTC.exec(text);
  if (!m) return NaN;
  const ms = m[7] ? Number(m[7].padEnd(3, "0")) : 0;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms);
}

function splitHeader(line: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let name = "";
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          name += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else name += line[i++];
      }
      names.push(name);
      i++;
    } else {
      const end = line.indexOf(",", i);
      const stop = end === -1 ? line.length : end;
      names.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return names;
}

/**
 * Streaming reader of a normalised CSV: push text chunks in order, then finish().
 * Rows out of time order are sorted stably; a malformed line is an error naming its number.
 */
export class NormalisedCsvReader {
  private rest = "";
  private names: string[] | null = null;
  private time = new Float64Builder(1 << 16);
  private columns: Float64Builder[] = [];
  private lineNumber = 0;

  push(text: string): void {
    const data = this.rest + text;
    let start = 0;
    for (;;) {
      const end = data.indexOf("\n", start);
      if (end === -1) break;
      this.line(data.slice(start, end > start && data[end - 1] === "\r" ? end - 1 : end));
      start = end + 1;
    }
    this.rest = data.slice(start);
  }

  finish(): Frame {
    if (this.rest) this.line(this.rest.endsWith("\r") ? this.rest.slice(0, -1) : this.rest);
    this.rest = "";
    if (!this.names) throw new NormalisedCsvError("the file is empty: expected a header starting with 'timestamp'");
    const names = this.names;
    return sortFrameByTime({
      time: this.time.build(),
      columns: this.columns.map((builder, c) => ({ name: names[c], values: builder.build() })),
    });
  }

  private line(line: string): void {
    this.lineNumber++;
    if (this.names === null) {
      const header = splitHeader(line.replace(/^\uFEFF/, ""));
      if (header[0] !== "timestamp") {
        throw new NormalisedCsvError(`line 1: expected a header starting with 'timestamp', found '${header[0] ?? ""}'`);
      }
      this.names = header.slice(1);
      this.columns = this.names.map(() => new Float64Builder(1 << 16));
      return;
    }
    if (line === "") return;
    const expected = this.columns.length;
    let start = 0;
    let comma = line.indexOf(",");
    const stamp = comma === -1 ? line : line.slice(0, comma);
    const t = parseIsoUtc(stamp);
    if (Number.isNaN(t)) {
      throw new NormalisedCsvError(`line ${this.lineNumber}: '${stamp}' is not a UTC timestamp like 2024-01-31T23:00:00.000Z`);
    }
    this.time.push(t);
    for (let c = 0; c < expected; c++) {
      if (comma === -1) throw new NormalisedCsvError(`line ${this.lineNumber}: expected ${expected + 1} fields`);
      start = comma + 1;
      comma = line.indexOf(",", start);
      const field = comma === -1 ? line.slice(start) : line.slice(start, comma);
      if (field === "") {
        this.columns[c].push(NaN);
        continue;
      }
      const v = Number(field);
      if (Number.isNaN(v) && field !== "NaN") {
        throw new NormalisedCsvError(`line ${this.lineNumber}: '${field}' is not a number`);
      }
      this.columns[c].push(v);
    }
    if (comma !== -1) throw new NormalisedCsvError(`line ${this.lineNumber}: expected ${expected + 1} fields`);
  }
}

export function parseNormalisedCsv(text: string): Frame {
  const reader = new NormalisedCsvReader();
  reader.push(text);
  return reader.finish();
}
