import type { TimeLayout } from "./layout";
import { sampleTimeReader } from "./read-sample-time";
import { sequenceEvidence } from "./sequence-evidence";

/** Header words of a time column, in English and German (`Zeitstempel`, `MESS_DATUM`, `time(UTC)`). */
export const TIME_NAME = /time|date|datum|zeit|stamp|epoch|unix|uhrzeit|^ts$|^t$|^dt$|when|period|periode|zeitraum/i;
/** Header words of identifiers, codes and counters, which may look like dates (`order=2024011701`, `code=2024-01`). */
export const ID_NAME = /(^|[^a-z])(id|ids|code|order|nr|no|number|nummer|key|record|rec|index|idx|seq|lot|batch|ref|sku)([^a-z]|$)/i;
/** Header words of the end of a period (`Datum bis`, `period_end`): the start is the time axis. */
export const END_NAME = /(^|[^a-z])(end|ende|bis|to|until|stop)([^a-z]|$)/i;

/**
 * How much a column reads like the time axis of the file, from its evidence: a time-like
 * name (+3), an identifier's name (−4), the end of a period (−1), values in one direction
 * (+2), a regular step (+1), mostly distinct values (else −3), separators in the text (+1, so
 * `2024-01-17 10:00` beats digits-only `2024011710`), and the share of values read (0–1).
 */
export function scoreTimeColumn(records: readonly string[][], layout: TimeLayout, names: readonly string[]): number {
  const read = sampleTimeReader(layout);
  const instants = records.map(read);
  const evidence = sequenceEvidence(instants);
  const name = layout.columns.map((c) => names[c] ?? "").join(" ");
  let score = evidence.count / Math.max(1, records.length);
  if (TIME_NAME.test(name)) score += 3;
  if (ID_NAME.test(name)) score -= 4;
  if (END_NAME.test(name)) score -= 1;
  if (evidence.direction !== "none") score += 2;
  if (evidence.steps > 0 && evidence.regularSteps >= 0.5 * evidence.steps) score += 1;
  if (evidence.distinctShare < 0.5) score -= 3;
  if (/[^%a-zA-Z]/.test(layout.format.replace(/%[a-zA-Z]/g, "").replace(/^[T:]$/, ""))) score += 1;
  return score;
}
