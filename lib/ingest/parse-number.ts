/** Powers of ten that are exact doubles: a mantissa below 2^53 times or divided by one of them is correctly rounded. */
const EXACT_POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const MAX_EXACT_DIGITS = 15;
const MAX_UNIT_SUFFIX = 12;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/**
 * Reads numbers with a given decimal mark and optional thousands separator straight from
 * char codes, without a substring per cell. Up to 15 significant digits and exponents
 * within ±22 take the exact fast path (one correctly rounded multiplication or division);
 * anything longer is handed to Number() after normalising the marks. NaN = not a number.
 */
export class NumberReader {
  private readonly decimal: number;
  private readonly thousands: number;

  constructor(decimal: "." | ",", thousands: string) {
    this.decimal = decimal.charCodeAt(0);
    this.thousands = thousands === "" ? -1 : thousands.charCodeAt(0);
  }

  parse(text: string, start = 0, end = text.length): number {
    let p = start;
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    while (end > p && isSpace(text.charCodeAt(end - 1))) end--;
    if (p === end) return NaN;
    let negative = false;
    let c = text.charCodeAt(p);
    if (c === 45 || c === 43 || c === 0x2212) {
      negative = c !== 43;
      p++;
    }
    let mantissa = 0;
    let significant = 0;
    let digits = 0;
    let scale = 0;
    const thousands = this.thousands;
    const groupSpace = thousands === 32;
    for (; p < end; p++) {
      c = text.charCodeAt(p);
      const digit = c - 48;
      if (digit >= 0 && digit <= 9) {
        digits++;
        if (significant > 0 || digit !== 0) {
          significant++;
          if (significant <= MAX_EXACT_DIGITS) mantissa = mantissa * 10 + digit;
          else scale++;
        }
      } else if (c === thousands || (groupSpace && (c === 0xa0 || c === 0x202f))) {
        if (digits === 0) return NaN;
      } else break;
    }
    if (p < end && c === this.decimal) {
      p++;
      for (; p < end; p++) {
        const digit = text.charCodeAt(p) - 48;
        if (digit < 0 || digit > 9) break;
        digits++;
        if (significant > 0 || digit !== 0) {
          significant++;
          if (significant > MAX_EXACT_DIGITS) continue;
          mantissa = mantissa * 10 + digit;
        }
        scale--;
      }
    }
    if (digits === 0) return NaN;
    if (p < end && this.isUnitSuffix(text, p, end)) end = p;
    if (p < end) {
      c = text.charCodeAt(p);
      if (c !== 101 && c !== 69) return NaN;
      p++;
      let exponentNegative = false;
      c = text.charCodeAt(p);
      if (c === 45 || c === 43) {
        exponentNegative = c === 45;
        p++;
      }
      const from = p;
      let exponent = 0;
      for (; p < end; p++) {
        const digit = text.charCodeAt(p) - 48;
        if (digit < 0 || digit > 9) return NaN;
        if (exponent < 100_000) exponent = exponent * 10 + digit;
      }
      if (p === from) return NaN;
      scale += exponentNegative ? -exponent : exponent;
    }
    if (significant > MAX_EXACT_DIGITS || scale > 22 || scale < -22) return this.slowPath(text, start, end);
    const value = scale >= 0 ? mantissa * EXACT_POW10[scale] : mantissa / EXACT_POW10[-scale];
    return negative ? -value : value;
  }

  /** `21,5 °C`, `3.2 kWh`, `45%`: a unit after a space (no digits in it), or a percent sign. */
  private isUnitSuffix(text: string, p: number, end: number): boolean {
    const first = text.charCodeAt(p);
    if (first === 37 || first === 0x2030) return p + 1 === end;
    if (!isSpace(first) && first !== 0x202f) return false;
    if (end - p > MAX_UNIT_SUFFIX) return false;
    for (let i = p + 1; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) return false;
    }
    return true;
  }

  /** Long mantissas and large exponents: normalise the marks and let Number() round correctly. */
  private slowPath(text: string, start: number, end: number): number {
    let normalised = "";
    for (let p = start; p < end; p++) {
      const c = text.charCodeAt(p);
      if (c === this.thousands || isSpace(c) || c === 0x202f) continue;
      normalised += c === this.decimal ? "." : c === 0x2212 ? "-" : text[p];
    }
    return Number(normalised);
  }
}
