import type { ZoneOffset } from "./zone-offset";

/** One change of a zone's UTC offset, as Intl knows it. */
export interface ZoneTransition {
  /** UTC instant (ms) from which the new offset applies. */
  utcMs: number;
  /** Offsets (ms, local − UTC) before and after. */
  before: number;
  after: number;
}

const MS_PER_MINUTE = 60_000;
const SCAN_STEP = 7 * 86_400_000;

/**
 * The offset changes of a zone in [fromMs, toMs), found from Intl alone (no dates are built
 * in): the offset is sampled weekly and every change is bisected to the minute.
 */
export function zoneTransitions(offsets: ZoneOffset, fromMs: number, toMs: number): ZoneTransition[] {
  const transitions: ZoneTransition[] = [];
  let at = fromMs;
  let offset = offsets.at(at);
  while (at < toMs) {
    const next = Math.min(at + SCAN_STEP, toMs);
    const nextOffset = offsets.at(next);
    if (nextOffset !== offset) {
      // Invariant: offset at `low` is the old one, at `high` the new one.
      let low = Math.floor(at / MS_PER_MINUTE);
      let high = Math.ceil(next / MS_PER_MINUTE);
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsets.at(middle * MS_PER_MINUTE) === offset) low = middle;
        else high = middle;
      }
      const utcMs = high * MS_PER_MINUTE;
      transitions.push({ utcMs, before: offset, after: offsets.at(utcMs) });
    }
    at = next;
    offset = nextOffset;
  }
  return transitions;
}
