import { CompiledDateTimeFormat } from "./compile-datetime-format";
import { isDayFirst, swapDayMonth } from "./datetime-candidates";

export interface DateTimeInference {
  format: string;
  matched: number;
  total: number;
  /** Both day/month orders read every value: the alternatives, the chosen one first. */
  ambiguousWith: string | null;
}

/** Share of non-empty values a format must read for the column to count as a time column (footers, stray notes). */
export const MIN_MATCH_SHARE = 0.8;
const PROBE_SIZE = 24;

const compiled = new Map<string, CompiledDateTimeFormat>();

export function compileCached(format: string): CompiledDateTimeFormat {
  let parser = compiled.get(format);
  if (!parser) {
    parser = new CompiledDateTimeFormat(format);
    compiled.set(format, parser);
  }
  return parser;
}

/**
 * The one format that reads a whole column (never chosen per cell): the candidate that
 * reads the most values, the earlier candidate on a tie. When the day-first and month-first
 * readings both read everything, the column is ambiguous and `monthFirst` decides.
 */
export function inferDateTimeFormat(values: readonly string[], candidates: readonly string[], monthFirst: boolean): DateTimeInference | null {
  const texts = values.map((value) => value.trim()).filter((value) => value !== "");
  if (texts.length === 0) return null;
  const probe = texts.slice(0, PROBE_SIZE);
  let best: string | null = null;
  let bestCount = 0;
  const counts = new Map<string, number>();
  for (const format of candidates) {
    const parser = compileCached(format);
    if (!probe.some((text) => !Number.isNaN(parser.parse(text)))) continue;
    let count = 0;
    for (const text of texts) if (!Number.isNaN(parser.parse(text))) count++;
    counts.set(format, count);
    if (count > bestCount) {
      best = format;
      bestCount = count;
    }
  }
  if (best === null || bestCount < MIN_MATCH_SHARE * texts.length) return null;
  const swapped = swapDayMonth(best);
  if (swapped !== null && counts.get(swapped) === bestCount) {
    const preferred = isDayFirst(best) === !monthFirst ? best : swapped;
    return { format: preferred, matched: bestCount, total: texts.length, ambiguousWith: preferred === best ? swapped : best };
  }
  return { format: best, matched: bestCount, total: texts.length, ambiguousWith: null };
}
