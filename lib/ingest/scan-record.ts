/** Field boundaries of one record, reused from record to record so that no arrays are allocated per row. */
export class FieldBuffer {
  count = 0;
  /** Physical line breaks inside quoted fields of the record. */
  innerLineBreaks = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Unescaped text of quoted fields that contained doubled quotes; null elsewhere. */
  texts: Array<string | null> = new Array<string | null>(64).fill(null);

  push(start: number, end: number, text: string | null): void {
    if (this.count === this.starts.length) {
      const size = this.count * 2;
      const starts = new Int32Array(size);
      const ends = new Int32Array(size);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
      this.texts.length = size;
      this.texts.fill(null, this.count);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.texts[this.count] = text;
    this.count++;
  }

  /** The text of field i (a substring; use starts/ends in hot loops instead). */
  field(source: string, i: number): string {
    return this.texts[i] ?? source.slice(this.starts[i], this.ends[i]);
  }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/**
 * Splits delimited text into records (RFC 4180 quoting; a record ends at LF, CRLF or a lone
 * CR). Lines without quotes or stray CRs take a fast path built on indexOf, whose results
 * are cached per text so that no character is looked at twice.
 */
export class RecordScanner {
  private readonly delimiter: number;
  private readonly quote: number;
  private readonly delimiterChar: string;
  private readonly quoteChar: string;
  private readonly doubledQuote: string;
  private text = "";
  private nextQuote = -1;
  private nextCarriageReturn = -1;
  private nextDelimiter = -1;

  constructor(delimiter: string, quote: string) {
    this.delimiter = delimiter.charCodeAt(0);
    this.quote = quote.charCodeAt(0);
    this.delimiterChar = delimiter;
    this.quoteChar = quote;
    this.doubledQuote = quote + quote;
  }

  /** Starts scanning a new text. */
  reset(text: string): void {
    this.text = text;
    this.nextQuote = -1;
    this.nextCarriageReturn = -1;
    this.nextDelimiter = -1;
  }

  private find(char: string, cached: number, from: number): number {
    if (cached >= from) return cached;
    const found = this.text.indexOf(char, from);
    return found === -1 ? this.text.length : found;
  }

  /**
   * Scans the record starting at `pos` into `fields`. Returns the position after it, or -1
   * when the record may continue beyond the text and more input is still to come (`atEnd` false).
   */
  next(pos: number, fields: FieldBuffer, atEnd: boolean): number {
    const text = this.text;
    const n = text.length;
    let lineEnd = text.indexOf("\n", pos);
    if (lineEnd === -1) lineEnd = n;
    this.nextQuote = this.find(this.quoteChar, this.nextQuote, pos);
    this.nextCarriageReturn = this.find("\r", this.nextCarriageReturn, pos);
    if (this.nextQuote >= lineEnd && this.nextCarriageReturn >= lineEnd - 1 && (lineEnd < n || atEnd)) {
      const end = this.nextCarriageReturn === lineEnd - 1 ? lineEnd - 1 : lineEnd;
      fields.count = 0;
      fields.innerLineBreaks = 0;
      let start = pos;
      for (;;) {
        const delimiter = (this.nextDelimiter = this.find(this.delimiterChar, this.nextDelimiter, start));
        if (delimiter >= end) {
          fields.push(start, end, null);
          break;
        }
        fields.push(start, delimiter, null);
        start = delimiter + 1;
      }
      return lineEnd < n ? lineEnd + 1 : n;
    }
    return this.slowPath(pos, fields, atEnd);
  }

  private slowPath(pos: number, fields: FieldBuffer, atEnd: boolean): number {
    const { text, delimiter, quote } = this;
    const n = text.length;
    fields.count = 0;
    fields.innerLineBreaks = 0;
    let i = pos;
    for (;;) {
      if (i < n && text.charCodeAt(i) === quote) {
        const start = i + 1;
        let j = start;
        let escaped = false;
        let end: number;
        for (;;) {
          const q = text.indexOf(this.quoteChar, j);
          if (q === -1 || q + 1 === n) {
            if (!atEnd) return -1;
            end = q === -1 ? n : q;
            j = n;
            break;
          }
          if (text.charCodeAt(q + 1) === quote) {
            escaped = true;
            j = q + 2;
            continue;
          }
          end = q;
          j = q + 1;
          break;
        }
        fields.innerLineBreaks += countLineBreaks(text, start, end);
        // Text between the closing quote and the delimiter (`"a" b`) is kept, as spreadsheets do.
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === delimiter || c === 10 || c === 13) break;
          k++;
        }
        if (k === n && !atEnd) return -1;
        let value: string | null = escaped ? text.slice(start, end).split(this.doubledQuote).join(this.quoteChar) : null;
        if (k > j) value = (value ?? text.slice(start, end)) + text.slice(j, k).trimEnd();
        fields.push(start, end, value);
        i = k;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === delimiter || c === 10 || c === 13) break;
          j++;
        }
        if (j === n && !atEnd) return -1;
        fields.push(i, j, null);
        i = j;
      }
      if (i >= n) return n;
      const c = text.charCodeAt(i);
      if (c === delimiter) {
        i++;
        if (i === n && !atEnd) return -1;
        continue;
      }
      if (c === 10) return i + 1;
      if (i + 1 === n) return atEnd ? n : -1;
      return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    }
  }
}
