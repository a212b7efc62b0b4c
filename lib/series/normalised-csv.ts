import type { Frame } from "./frame";
import { sortFrameByTime } from "./sort-frame";

/**
 * The normalised CSV (docs/normalised-csv.md): header `timestamp,<columns>`, UTC ISO timestamps with
 * milliseconds, numbers in JavaScript's shortest round-trip form, empty = missing, comma
 * delimiter, UTF-8 without BOM, rows sorted by time.
 */

const ROWS_PER_CHUNK = 8192;
const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00Z: from here on toISOString writes a six-digit year. */
const YEAR_10000_MS = 253_402_300_800_000;

function quoteName(name: string): string {
  return /[",\r\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));

/**
 * `Date.prototype.toISOString` without a Date per row: the date part is cached per day and
 * the time of day is assembled from lookup tables. Times outside 1970…9999 use toISOString.
 */
class IsoTimestampWriter {
  private day = NaN;
  private prefix = "";

  format(t: number): string {
    if (!(t >= 0 && t < YEAR_10000_MS) || !Number.isInteger(t)) return new Date(t).toISOString();
    const day = Math.floor(t / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    }
    let rest = t - day * DAY_MS;
    const ms = rest % 1000;
    rest = (rest - ms) / 1000;
    const seconds = rest % 60;
    rest = (rest - seconds) / 60;
    const minutes = rest % 60;
    const hours = (rest - minutes) / 60;
    return `${this.prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[ms]}Z`;
  }
}

const FRACTION_SCALES = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * `String(v)` with a fast path for the common measured value with up to six decimals and at
 * most 15 significant digits (e.g. 12.5, -0.035): the smallest k for which v·10^k rounds to
 * an integer m with m / 10^k === v gives exactly the digits String would (one candidate at
 * that precision, and no shorter one, or a smaller k would have matched).
 */
export function formatValue(v: number): string {
  const magnitude = v < 0 ? -v : v;
  if (magnitude >= 1e-6 && magnitude < 1e15 && magnitude !== Math.floor(magnitude)) {
    for (let k = 1; k < FRACTION_SCALES.length; k++) {
      const scale = FRACTION_SCALES[k];
      const m = Math.round(magnitude * scale);
      if (m / scale !== magnitude) continue;
      if (m >= 1e15) break;
      const fraction = m % scale;
      let digits = String(fraction);
      while (digits.length < k) digits = "0" + digits;
      return `${v < 0 ? "-" : ""}${(m - fraction) / scale}.${digits}`;
    }
  }
  return String(v);
}

/** Yields the file as text chunks so that large frames never become one string. */
export function* formatNormalisedCsv(frame: Frame): Generator<string> {
  yield ["timestamp", ...frame.columns.map((column) => quoteName(column.name))].join(",") + "\n";
  const n = frame.time.length;
  const values = frame.columns.map((column) => column.values);
  const stamps = new IsoTimestampWriter();
  let chunk = "";
  for (let i = 0; i < n; i++) {
    let line = stamps.format(frame.time[i]);
    for (let c = 0; c < values.length; c++) {
      const v = values[c][i];
      line += v !== v ? "," : "," + formatValue(v);
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

/** Length of `YYYY-MM-DDTHH:MM:SS.sssZ`. */
const ISO_LENGTH = 24;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const DOT = 0x2e;
const MINUS = 0x2d;
const ZERO = 0x30;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Up to this many significant digits a decimal is an exact integer divided by an exact power of ten. */
const MAX_FAST_DIGITS = 15;

const utf8 = new TextDecoder("utf-8");
const utf8Encoder = new TextEncoder();

function concatenate(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Two ASCII digits at bytes[at], or -1 when either is not a digit. */
function twoDigits(bytes: Uint8Array, at: number): number {
  const a = bytes[at] - ZERO;
  const b = bytes[at + 1] - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

export interface NormalisedCsvReaderOptions {
  /** Size of the whole input when known (a file's size): columns are then sized once, from the length of the first lines. */
  expectedBytes?: number;
}

/**
 * Streaming reader of a normalised CSV: push text (push) or UTF-8 bytes (pushBytes) in
 * order, then finish(). Rows out of time order are sorted stably; a malformed line is an
 * error naming its number. Data lines are parsed directly from the bytes into growable
 * columns: timestamps of the form `YYYY-MM-DDTHH:MM:SS[.sss]Z` (the date part computed once
 * per day) and plain decimals of up to 15 significant digits without a string per field;
 * anything else goes through `Number()`, so the accepted values are exactly those `Number()`
 * accepts (and `NaN`).
 */
export class NormalisedCsvReader {
  private carry: Uint8Array = new Uint8Array(0);
  private names: string[] | null = null;
  private time = new Float64Array(0);
  private columns: Float64Array[] = [];
  private size = 0;
  private lineNumber = 0;
  private cachedDate = -1;
  private cachedDayMs = 0;
  /** Where the last parsed field ended (its comma or the end of the line). */
  private fieldEnd = 0;
  /** Bytes of data lines before the current chunk, and that minus the chunk's first data byte: row start + this = bytes before the row. */
  private dataBytes = 0;
  private chunkOffset = 0;
  private readonly expectedBytes: number;

  constructor(options: NormalisedCsvReaderOptions = {}) {
    this.expectedBytes = options.expectedBytes ?? 0;
  }

  push(text: string): void {
    this.pushBytes(utf8Encoder.encode(text));
  }

  pushBytes(chunk: Uint8Array): void {
    let from = 0;
    if (this.carry.length > 0) {
      // Complete the line begun in the previous chunk without copying the whole chunk.
      const newline = chunk.indexOf(NEWLINE);
      if (newline === -1) {
        this.carry = concatenate(this.carry, chunk);
        return;
      }
      const line = concatenate(this.carry, chunk.subarray(0, newline + 1));
      this.carry = new Uint8Array(0);
      this.consume(line);
      from = newline + 1;
    }
    const rest = chunk.subarray(from);
    const lastNewline = rest.lastIndexOf(NEWLINE);
    if (lastNewline !== -1) this.consume(rest.subarray(0, lastNewline + 1));
    this.carry = rest.slice(lastNewline + 1);
  }

  /** Parses complete lines: `bytes` ends with a newline. */
  private consume(bytes: Uint8Array): void {
    let start = 0;
    if (this.names === null) {
      const end = bytes.indexOf(NEWLINE);
      this.lineNumber++;
      this.header(bytes.subarray(0, end > 0 && bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end));
      start = end + 1;
    }
    if (start < bytes.length) {
      this.chunkOffset = this.dataBytes - start;
      this.lines(bytes, start, bytes.length);
      this.dataBytes += bytes.length - start;
    }
  }

  finish(): Frame {
    if (this.carry.length > 0) {
      // The last line has no newline: give it one so that it parses like any other.
      const rest = concatenate(this.carry, Uint8Array.of(NEWLINE));
      this.carry = new Uint8Array(0);
      this.consume(rest);
    }
    if (!this.names) throw new NormalisedCsvError("the file is empty: expected a header starting with 'timestamp'");
    const names = this.names;
    const size = this.size;
    // Copying out the rows costs a fresh allocation of the whole frame; when the room left
    // over is small (the usual case with expectedBytes), the columns are views instead.
    const exact = (values: Float64Array) => (values.length - size <= values.length / 8 ? values.subarray(0, size) : values.slice(0, size));
    return sortFrameByTime({
      time: exact(this.time),
      columns: this.columns.map((values, c) => ({ name: names[c], values: exact(values) })),
    });
  }

  private header(bytes: Uint8Array): void {
    const header = splitHeader(utf8.decode(bytes).replace(/^\uFEFF/, ""));
    if (header[0] !== "timestamp") {
      throw new NormalisedCsvError(`line 1: expected a header starting with 'timestamp', found '${header[0] ?? ""}'`);
    }
    this.names = header.slice(1);
    this.columns = this.names.map(() => new Float64Array(0));
  }

  /**
   * More room for rows: with a known input size, as many rows as the lines seen so far
   * predict (plus 5 %); otherwise, or when that is too few, twice the current room.
   */
  private grow(bytesBefore: number): void {
    let capacity = Math.max(1024, this.time.length * 2);
    if (this.expectedBytes > 0 && this.size > 0 && bytesBefore > 0) {
      const predicted = Math.ceil((this.expectedBytes / bytesBefore) * this.size * 1.05);
      if (predicted > this.time.length) capacity = Math.max(predicted, this.time.length + 1024);
    }
    const size = this.size;
    const grown = (old: Float64Array) => {
      const values = new Float64Array(capacity);
      values.set(old.subarray(0, size));
      return values;
    };
    this.time = grown(this.time);
    this.columns = this.columns.map(grown);
  }

  /** Parses bytes[from, to), which ends with a newline; each line is read in one pass. */
  private lines(bytes: Uint8Array, from: number, to: number): void {
    let start = from;
    while (start < to) {
      this.lineNumber++;
      const first = bytes[start];
      if (first === NEWLINE) start++;
      else if (first === CARRIAGE_RETURN && bytes[start + 1] === NEWLINE) start += 2;
      else start = this.row(bytes, start);
    }
  }

  /** Parses the line starting at `start` (a newline follows); returns where the next line starts. */
  private row(bytes: Uint8Array, start: number): number {
    // Most timestamps are the 24 characters of toISOString followed by a comma: try that before scanning.
    let stampEnd = start + ISO_LENGTH;
    let t = bytes[stampEnd] === COMMA ? this.timestamp(bytes, start, stampEnd) : NaN;
    if (Number.isNaN(t)) {
      let stop = start;
      while (bytes[stop] !== COMMA && bytes[stop] !== NEWLINE) stop++;
      stampEnd = bytes[stop] === NEWLINE && stop > start && bytes[stop - 1] === CARRIAGE_RETURN ? stop - 1 : stop;
      t = this.timestamp(bytes, start, stampEnd);
    }
    if (Number.isNaN(t)) {
      throw new NormalisedCsvError(
        `line ${this.lineNumber}: '${utf8.decode(bytes.subarray(start, stampEnd))}' is not a UTC timestamp like 2024-01-31T23:00:00.000Z`,
      );
    }
    const row = this.size;
    if (row === this.time.length) this.grow(this.chunkOffset + start);
    this.time[row] = t;
    const columns = this.columns;
    let end = stampEnd;
    for (let c = 0; c < columns.length; c++) {
      if (bytes[end] !== COMMA) throw new NormalisedCsvError(`line ${this.lineNumber}: expected ${columns.length + 1} fields`);
      columns[c][row] = this.number(bytes, end + 1);
      end = this.fieldEnd;
    }
    if (bytes[end] === CARRIAGE_RETURN && bytes[end + 1] === NEWLINE) end++;
    if (bytes[end] !== NEWLINE) throw new NormalisedCsvError(`line ${this.lineNumber}: expected ${columns.length + 1} fields`);
    this.size = row + 1;
    return end + 1;
  }

  /** `YYYY-MM-DDTHH:MM:SS` with an optional `.s`, `.ss` or `.sss` and a final `Z`, as epoch ms; NaN otherwise. */
  private timestamp(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length < 20 || length > 24 || length === 21 || bytes[end - 1] !== 0x5a) return NaN;
    const century = twoDigits(bytes, start);
    const yearInCentury = twoDigits(bytes, start + 2);
    const month = twoDigits(bytes, start + 5);
    const day = twoDigits(bytes, start + 8);
    const hours = twoDigits(bytes, start + 11);
    const minutes = twoDigits(bytes, start + 14);
    const seconds = twoDigits(bytes, start + 17);
    if (
      (century | yearInCentury | month | day | hours | minutes | seconds) < 0 ||
      bytes[start + 4] !== MINUS ||
      bytes[start + 7] !== MINUS ||
      bytes[start + 10] !== 0x54 ||
      bytes[start + 13] !== 0x3a ||
      bytes[start + 16] !== 0x3a
    ) {
      return NaN;
    }
    let ms = 0;
    if (length > 20) {
      if (bytes[start + 19] !== DOT) return NaN;
      let scale = 100;
      for (let i = start + 20; i < end - 1; i++, scale /= 10) {
        const digit = bytes[i] - ZERO;
        if (digit < 0 || digit > 9) return NaN;
        ms += digit * scale;
      }
    }
    const date = ((century * 100 + yearInCentury) * 100 + month) * 100 + day;
    if (date !== this.cachedDate) {
      this.cachedDate = date;
      // Date.UTC keeps the original reader's handling of every calendar oddity.
      this.cachedDayMs = Date.UTC(century * 100 + yearInCentury, month - 1, day);
    }
    return this.cachedDayMs + ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
  }

  /** Whether bytes[i] ends a field: a comma, the newline, or a carriage return before the newline. */
  private static endsField(bytes: Uint8Array, i: number): boolean {
    const code = bytes[i];
    return code === COMMA || code === NEWLINE || (code === CARRIAGE_RETURN && bytes[i + 1] === NEWLINE);
  }

  /**
   * The number in the field starting at `start` (NaN for an empty field); sets fieldEnd to
   * the byte that ends the field. Anything `Number()` rejects, except `NaN`, is an error.
   */
  private number(bytes: Uint8Array, start: number): number {
    let i = start;
    const negative = bytes[i] === MINUS;
    if (negative) i++;
    let mantissa = 0;
    let digits = 0;
    let decimals = -1;
    for (;; i++) {
      const code = bytes[i];
      const digit = code - ZERO;
      if (digit >= 0 && digit <= 9) {
        mantissa = mantissa * 10 + digit;
        if (mantissa > 0) digits++;
        if (decimals >= 0) decimals++;
      } else if (code === DOT && decimals < 0) {
        decimals = 0;
      } else break;
    }
    if (NormalisedCsvReader.endsField(bytes, i)) {
      this.fieldEnd = i;
      if (i === start) return NaN;
      const hasDigits = i - start > (negative ? 1 : 0) + (decimals >= 0 ? 1 : 0);
      if (hasDigits && digits <= MAX_FAST_DIGITS && decimals < POWERS_OF_TEN.length) {
        const magnitude = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
        return negative ? -magnitude : magnitude;
      }
    }
    while (!NormalisedCsvReader.endsField(bytes, i)) i++;
    this.fieldEnd = i;
    const field = utf8.decode(bytes.subarray(start, i));
    const v = Number(field);
    if (Number.isNaN(v) && field !== "NaN") throw new NormalisedCsvError(`line ${this.lineNumber}: '${field}' is not a number`);
    return v;
  }
}

export function parseNormalisedCsv(text: string): Frame {
  const reader = new NormalisedCsvReader();
  reader.push(text);
  return reader.finish();
}
