import type { Delimiter } from "./import-options";
import { tokenizeSample } from "./tokenize-sample";

/** In order of preference when several split every line the same way (`;` files often hold decimal commas). */
const PREFERENCE: Delimiter[] = ["\t", ";", "|", ","];
const SAMPLE_RECORDS = 400;
const CONSISTENT_SHARE = 0.9;

function modeOf(values: number[]): { value: number; count: number } {
  const counts = new Map<number, number>();
  let best = { value: 1, count: 0 };
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > best.count || (count === best.count && value > best.value)) best = { value, count };
  }
  return best;
}

/**
 * The delimiter that splits the data lines (the lower part of the sample, below any
 * metadata) into the same number (≥ 2) of fields, quote-aware; a preferred one wins a tie.
 * Falls back to the one with the most fields per line, and to `,` for one-column text.
 */
export function detectDelimiter(sample: string, quote: string, complete: boolean): Delimiter {
  let fallback: { delimiter: Delimiter; fields: number } = { delimiter: ",", fields: 1 };
  for (const delimiter of PREFERENCE) {
    const counts = tokenizeSample(sample, delimiter, quote, complete, SAMPLE_RECORDS)
      .filter((record) => !record.blank)
      .map((record) => record.fields.length);
    const tail = counts.slice(Math.floor(counts.length / 3));
    if (tail.length === 0) continue;
    const mode = modeOf(tail);
    if (mode.value >= 2 && mode.count >= CONSISTENT_SHARE * tail.length) return delimiter;
    const mean = tail.reduce((sum, count) => sum + count, 0) / tail.length;
    if (mode.value >= 2 && mean > fallback.fields) fallback = { delimiter, fields: mean };
  }
  return fallback.delimiter;
}
