import { CompiledDateTimeFormat } from "./compile-datetime-format";
import { isDayFirst, swapDayMonth } from "./datetime-candidates";

export interface DateTimeInference {
  format: string;
  matched: number;
  total: number;
  /** Both day/month orders read every value: the alternatives, the chosen one first. */
  ambiguousWith: string | null;
}

/** Share of non-empty values a format must read for the column to count as a time column (headers, footers, stray notes). */
export const MIN_MATCH_SHARE = 0.5;
const PROBE_SIZE = 24;
/** Readings outside these years do not count when inferring (13-digit epoch milliseconds read as year 1704). */
const PLAUSIBLE_FROM = Date.UTC(1800, 0, 1);
const PLAUSIBLE_TO = Date.UTC(2200, 0, 1);

function readsPlausibly(parser: CompiledDateTimeFormat, text: string): boolean {
  const t = parser.parse(text);
  return t >= PLAUSIBLE_FROM && t < PLAUSIBLE_TO;
}

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
    if (!probe.some((text) => readsPlausibly(parser, text))) continue;
    let count = 0;
    for (const text of texts) if (readsPlausibly(parser, text)) count++;
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
