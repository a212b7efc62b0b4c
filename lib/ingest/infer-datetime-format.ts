import { compileCached } from "./compile-cached";
import type { CompiledDateTimeFormat } from "./compile-datetime-format";
import { swapDayMonth } from "./datetime-candidates";
import { decideDateOrder, type DateOrderBasis } from "./decide-date-order";

export { compileCached } from "./compile-cached";

export interface DateTimeInference {
  format: string;
  matched: number;
  total: number;
  /** Both day/month orders read every value: the alternatives, the chosen one first. */
  ambiguousWith: string | null;
  /** What decided the day/month order ("unambiguous" when the values leave one order). */
  decidedBy: DateOrderBasis;
}

/** Share of non-empty values a format must read for the column to count as a time column (headers, footers, stray notes). */
export const MIN_MATCH_SHARE = 0.5;
const PROBE_SIZE = 24;
/**
 * Readings outside these years do not count when inferring. Formats of digits only
 * (`%Y%m%d%H%M`) and month-year forms (`%m.%Y`) keep to 1800–2199, so that 13-digit epoch
 * milliseconds, IDs or decimals (3.1415) do not read as dates; a format that starts with the
 * year or holds a day may have any 4-digit year (`1749-01`, `1749-01-15`).
 */
const ANY_YEAR_FROM = Date.UTC(1000, 0, 1);
const PLAUSIBLE_FROM = Date.UTC(1800, 0, 1);
const PLAUSIBLE_TO = Date.UTC(2200, 0, 1);

function allowsAnyYear(format: string): boolean {
  // Y for the year, C for any other code: the year must touch a separator, not another number.
  const shape = format.replace(/%[a-zA-Z]/g, (code) => (code === "%Y" ? "Y" : "C"));
  return /Y[^CY]|[^CY]Y/.test(shape) && (format.includes("%d") || shape.startsWith("Y"));
}

function plausibleReader(parser: CompiledDateTimeFormat): (text: string) => boolean {
  const from = allowsAnyYear(parser.format) ? ANY_YEAR_FROM : PLAUSIBLE_FROM;
  return (text) => {
    const t = parser.parse(text);
    return t >= from && t < PLAUSIBLE_TO;
  };
}

/**
 * The one format that reads a whole column (never chosen per cell): the candidate that
 * reads the most values, the earlier candidate on a tie. When the day-first and month-first
 * readings both read everything, the data decides (decide-date-order.ts), then a 12-hour
 * clock, then `monthFirst` (the locale).
 */
export function inferDateTimeFormat(values: readonly string[], candidates: readonly string[], monthFirst: boolean): DateTimeInference | null {
  const texts = values.map((value) => value.trim()).filter((value) => value !== "");
  if (texts.length === 0) return null;
  const probe = texts.slice(0, PROBE_SIZE);
  let best: string | null = null;
  let bestCount = 0;
  const counts = new Map<string, number>();
  for (const format of candidates) {
    const reads = plausibleReader(compileCached(format));
    if (!probe.some(reads)) continue;
    let count = 0;
    for (const text of texts) if (reads(text)) count++;
    counts.set(format, count);
    if (count > bestCount) {
      best = format;
      bestCount = count;
    }
  }
  if (best === null || bestCount < MIN_MATCH_SHARE * texts.length) return null;
  const swapped = swapDayMonth(best);
  if (swapped !== null && counts.get(swapped) === bestCount) {
    const decision = decideDateOrder(texts, best, swapped, monthFirst);
    return { format: decision.format, matched: bestCount, total: texts.length, ambiguousWith: decision.other, decidedBy: decision.decidedBy };
  }
  return { format: best, matched: bestCount, total: texts.length, ambiguousWith: null, decidedBy: "unambiguous" };
}
