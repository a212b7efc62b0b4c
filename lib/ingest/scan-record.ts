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
 * Scans one record of delimited text from `pos` into `fields` (RFC 4180 quoting; a record
 * ends at LF, CRLF or a lone CR). Returns the position after the record, or -1 when the
 * record may continue beyond `text` and more input is still to come (`atEnd` false).
 */
export function scanRecord(text: string, pos: number, delimiter: number, quote: number, fields: FieldBuffer, atEnd: boolean): number {
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
        const q = text.indexOf(String.fromCharCode(quote), j);
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
      let value: string | null = escaped ? text.slice(start, end).split(String.fromCharCode(quote, quote)).join(String.fromCharCode(quote)) : null;
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
