import { compileCached } from "./compile-cached";
import { isDayFirst } from "./datetime-candidates";
import { sequenceEvidence, type SequenceEvidence } from "./sequence-evidence";

/** What decided whether dates are read day first or month first. */
export type DateOrderBasis = "data" | "12-hour-clock" | "locale" | "unambiguous" | "given";

/** The message key (`dateOrderBy.<key>` in messages/*.json) that says how a date order was decided. */
export const DATE_ORDER_MESSAGE_KEY = { data: "data", "12-hour-clock": "twelveHourClock", locale: "locale", given: "given" } as const;

export interface DateOrderDecision {
  format: string;
  other: string;
  decidedBy: DateOrderBasis;
}

function evidenceOf(texts: readonly string[], format: string): SequenceEvidence {
  const parser = compileCached(format);
  return sequenceEvidence(texts.map((text) => parser.parse(text)));
}

/**
 * Whether one reading is a better time axis: monotone where the other is not, else more
 * steps of the regular size, else at most half the span (the wrong order turns the step
 * over midnight into a jump of a month).
 */
function betterAxis(a: SequenceEvidence, b: SequenceEvidence): boolean {
  const aMonotone = a.direction !== "none";
  const bMonotone = b.direction !== "none";
  if (aMonotone !== bMonotone) return aMonotone;
  if (!aMonotone) return false;
  if (a.regularSteps !== b.regularSteps) return a.regularSteps > b.regularSteps;
  return a.span > 0 && 2 * a.span <= b.span;
}

/**
 * Chooses between a day-first and a month-first format that both read every value: the
 * reading that makes an increasing (or consistently decreasing) sequence with a regular
 * step (`01/02 … 01/05/2024` in 37-minute steps is January, not February to May), else a
 * 12-hour clock (a US habit: month first), else the locale's preference.
 */
export function decideDateOrder(texts: readonly string[], format: string, swapped: string, monthFirst: boolean): DateOrderDecision {
  const a = evidenceOf(texts, format);
  const b = evidenceOf(texts, swapped);
  if (betterAxis(a, b)) return { format, other: swapped, decidedBy: "data" };
  if (betterAxis(b, a)) return { format: swapped, other: format, decidedBy: "data" };
  const [dayFirst, monthFirstFormat] = isDayFirst(format) ? [format, swapped] : [swapped, format];
  if (format.includes("%p")) return { format: monthFirstFormat, other: dayFirst, decidedBy: "12-hour-clock" };
  return monthFirst ? { format: monthFirstFormat, other: dayFirst, decidedBy: "locale" } : { format: dayFirst, other: monthFirstFormat, decidedBy: "locale" };
}
