import { daysFromCivil, daysInMonth } from "./days-from-civil";
import { IngestError } from "./ingest-error";
import { MONTH_BY_NAME } from "./month-names";
import { OFFSET_BY_ABBREVIATION } from "./zone-abbreviations";

/** Opcodes of a compiled strftime format. */
const LITERAL = 0;
const SPACE = 1;
const YEAR4 = 2;
const YEAR2 = 3;
const MONTH = 4;
const DAY = 5;
const HOUR24 = 6;
const HOUR12 = 7;
const MINUTE = 8;
const SECOND = 9;
const FRACTION = 10;
const AM_PM = 11;
const MONTH_NAME = 12;
const OFFSET = 13;
const WEEKDAY = 14;

const DIRECTIVES: Record<string, number> = {
  Y: YEAR4,
  y: YEAR2,
  m: MONTH,
  d: DAY,
  H: HOUR24,
  I: HOUR12,
  M: MINUTE,
  S: SECOND,
  f: FRACTION,
  p: AM_PM,
  b: MONTH_NAME,
  B: MONTH_NAME,
  h: MONTH_NAME,
  z: OFFSET,
  a: WEEKDAY,
  A: WEEKDAY,
};
const DATE_OPS = new Set([YEAR4, YEAR2, MONTH, DAY, MONTH_NAME, WEEKDAY]);
const TIME_OPS = new Set([HOUR24, HOUR12, MINUTE, SECOND, FRACTION, AM_PM, OFFSET]);
const MS_PER_DAY = 86_400_000;
const FRACTION_SCALE = [1, 100, 10, 1, 0.1, 0.01, 0.001, 1e-4, 1e-5, 1e-6];

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0;
}

/**
 * A strftime format compiled once into opcodes and run by a small interpreter over char
 * codes: no regular expression and no substring per cell. Numeric fields take 1–2 digits
 * (`1/5/2024 7:05`) unless they touch another number (`%Y%m%d%H%M`), `%S` also
 * accepts a fraction (`12:00:00.250`), a date without its time part means midnight (Excel
 * writes `2024-01-01` for `2024-01-01 00:00`), `24:00:00` is midnight of the next day, and
 * a trailing `%z` may be absent (the time is then naive).
 */
export class CompiledDateTimeFormat {
  readonly format: string;
  readonly hasDate: boolean;
  readonly hasTime: boolean;
  readonly hasOffset: boolean;
  /** Whether the last successful parse read an explicit offset (then the result is UTC). */
  lastHadOffset = false;

  private readonly ops: Int8Array;
  private readonly literals: Int32Array;
  private readonly minDigits: Int8Array;
  private readonly maxDigits: Int8Array;
  private readonly optional: Uint8Array;
  /** Index of the op where a cell may end early (date without time), or -1. */
  private readonly timeTail: number;

  constructor(format: string) {
    this.format = format;
    const ops: number[] = [];
    const literals: number[] = [];
    for (let i = 0; i < format.length; i++) {
      const ch = format[i];
      if (ch === "%") {
        const code = format[++i];
        if (code === "%") {
          ops.push(LITERAL);
          literals.push(37);
          continue;
        }
        const op = code === undefined ? undefined : DIRECTIVES[code];
        if (op === undefined) throw new IngestError(`unknown code '%${code ?? ""}' in the date format '${format}'`);
        ops.push(op);
        literals.push(0);
      } else if (ch === " ") {
        if (ops[ops.length - 1] !== SPACE) {
          ops.push(SPACE);
          literals.push(0);
        }
      } else {
        ops.push(LITERAL);
        literals.push(ch.charCodeAt(0));
      }
    }
    const n = ops.length;
    // One spare slot: the interpreter peeks at op i + 1, and an in-bounds read keeps it optimised.
    this.ops = Int8Array.from([...ops, -1]);
    this.literals = Int32Array.from([...literals, 0]);
    this.minDigits = new Int8Array(n);
    this.maxDigits = new Int8Array(n);
    this.optional = new Uint8Array(n);
    const isNumber = (op: number | undefined) => op !== undefined && op >= YEAR4 && op <= FRACTION;
    for (let i = 0; i < n; i++) {
      const op = ops[i];
      if (op === YEAR4) [this.minDigits[i], this.maxDigits[i]] = [4, 4];
      else if (op === FRACTION) [this.minDigits[i], this.maxDigits[i]] = [1, 9];
      else if (isNumber(op)) [this.minDigits[i], this.maxDigits[i]] = isNumber(ops[i + 1]) || isNumber(ops[i - 1]) ? [2, 2] : [1, 2];
      // "12:00PM", "12:00:00Z" as well as "12:00 PM", "12:00:00 +01:00".
      if (op === SPACE && (ops[i + 1] === AM_PM || ops[i + 1] === OFFSET)) this.optional[i] = 1;
      if (op === OFFSET && i === n - 1) this.optional[i] = 1;
    }
    this.hasDate = ops.some((op) => DATE_OPS.has(op));
    this.hasTime = ops.some((op) => TIME_OPS.has(op) && op !== OFFSET);
    this.hasOffset = ops.includes(OFFSET);
    const firstTime = ops.findIndex((op) => TIME_OPS.has(op));
    const separator = firstTime - 1;
    this.timeTail =
      this.hasDate && firstTime > 0 && (ops[separator] === SPACE || literals[separator] === 84) && ops.slice(0, separator).every((op) => !TIME_OPS.has(op))
        ? separator
        : -1;
  }

  /**
   * Milliseconds since 1970-01-01: UTC when the cell had an offset (see lastHadOffset),
   * otherwise the wall-clock time read as if it were UTC. NaN when the text does not match.
   * A time-only format gives the time of day.
   */
  parse(text: string, start = 0, end = text.length): number {
    let p = start;
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    while (end > p && isSpace(text.charCodeAt(end - 1))) end--;
    let year = 1970;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let fractionMs = 0;
    let pm = -1;
    let offsetMinutes = 0;
    let hadOffset = false;
    const { ops, literals, minDigits, maxDigits } = this;
    const n = ops.length - 1;
    for (let i = 0; i < n; i++) {
      if (p === end && i === this.timeTail) break;
      const op = ops[i];
      if (op === LITERAL) {
        if (p >= end || text.charCodeAt(p) !== literals[i]) return NaN;
        p++;
      } else if (op === SPACE) {
        const from = p;
        while (p < end && isSpace(text.charCodeAt(p))) p++;
        if (p === from && this.optional[i] === 0) return NaN;
      } else if (op <= FRACTION) {
        const from = p;
        const limit = Math.min(end, p + maxDigits[i]);
        let value = 0;
        while (p < limit) {
          const digit = text.charCodeAt(p) - 48;
          if (digit < 0 || digit > 9) break;
          value = value * 10 + digit;
          p++;
        }
        const digits = p - from;
        if (digits < minDigits[i]) return NaN;
        if (op === YEAR4) year = value;
        else if (op === YEAR2) year = value < 69 ? 2000 + value : 1900 + value;
        else if (op === MONTH) month = value;
        else if (op === DAY) day = value;
        else if (op === HOUR24 || op === HOUR12) hour = value;
        else if (op === MINUTE) minute = value;
        else if (op === FRACTION) {
          fractionMs = value * FRACTION_SCALE[digits];
          while (p < end && isDigit(text.charCodeAt(p))) p++;
        } else {
          second = value;
          const next = text.charCodeAt(p);
          if ((next === 46 || next === 44) && p + 1 < end && isDigit(text.charCodeAt(p + 1)) && ops[i + 1] !== FRACTION && literals[i + 1] !== next) {
            p++;
            const fractionFrom = p;
            let fraction = 0;
            while (p < end && isDigit(text.charCodeAt(p))) {
              if (p - fractionFrom < 9) fraction = fraction * 10 + text.charCodeAt(p) - 48;
              p++;
            }
            fractionMs = fraction * FRACTION_SCALE[Math.min(9, p - fractionFrom)];
          }
        }
      } else if (op === AM_PM) {
        const c = text.charCodeAt(p) | 32;
        if (c !== 97 && c !== 112) return NaN;
        pm = c === 112 ? 1 : 0;
        p++;
        if (text.charCodeAt(p) === 46) p++;
        if ((text.charCodeAt(p) | 32) !== 109) return NaN;
        p++;
        if (text.charCodeAt(p) === 46) p++;
      } else if (op === MONTH_NAME || op === WEEKDAY) {
        const from = p;
        while (p < end && isLetter(text.charCodeAt(p))) p++;
        if (p === from) return NaN;
        if (op === MONTH_NAME) {
          const found = MONTH_BY_NAME.get(text.slice(from, p).toLowerCase());
          if (found === undefined) return NaN;
          month = found;
        }
        if (text.charCodeAt(p) === 46 && literals[i + 1] !== 46) p++;
      } else {
        if (p === end && this.optional[i] === 1) continue;
        const c = text.charCodeAt(p);
        if (c === 90 || c === 122) {
          hadOffset = true;
          p++;
          continue;
        }
        if (isLetter(c)) {
          // A zone abbreviation (MEZ, CEST, UTC), possibly followed by an offset (UTC+01:00).
          const from = p;
          while (p < end && isLetter(text.charCodeAt(p))) p++;
          const abbreviation = OFFSET_BY_ABBREVIATION.get(text.slice(from, p).toUpperCase());
          if (abbreviation === undefined) return NaN;
          hadOffset = true;
          offsetMinutes = abbreviation;
          if (p === end) continue;
        }
        const sign = text.charCodeAt(p);
        if (sign !== 43 && sign !== 45 && sign !== 0x2212) return NaN;
        p++;
        const h1 = text.charCodeAt(p) - 48;
        const h2 = text.charCodeAt(p + 1) - 48;
        if (!(h1 >= 0 && h1 <= 9 && h2 >= 0 && h2 <= 9)) return NaN;
        p += 2;
        let offset = (h1 * 10 + h2) * 60;
        if (text.charCodeAt(p) === 58) p++;
        if (p + 2 <= end && isDigit(text.charCodeAt(p)) && isDigit(text.charCodeAt(p + 1))) {
          offset += (text.charCodeAt(p) - 48) * 10 + text.charCodeAt(p + 1) - 48;
          p += 2;
        }
        offsetMinutes = sign === 43 ? offset : -offset;
        hadOffset = true;
      }
    }
    if (p !== end) return NaN;
    if (pm !== -1) {
      if (hour < 1 || hour > 12) return NaN;
      hour = (hour % 12) + (pm === 1 ? 12 : 0);
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
    let nextDay = 0;
    if (hour === 24 && minute === 0 && second === 0 && fractionMs === 0) {
      hour = 0;
      nextDay = 1;
    }
    if (hour > 23 || minute > 59 || second > 59) return NaN;
    this.lastHadOffset = hadOffset;
    const days = this.hasDate ? daysFromCivil(year, month, day) + nextDay : nextDay;
    return days * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + fractionMs - offsetMinutes * 60_000;
  }
}
