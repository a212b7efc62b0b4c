/** Time helpers shared by the operations; everything is UTC epoch milliseconds. */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** The full UTC hour at or before `t` (independent of the machine's time zone). */
export function floorToHour(t: number): number {
  return Math.floor(t / HOUR_MS) * HOUR_MS;
}

/** `a mod m` in [0, m), also for negative `a`. */
export function positiveModulo(a: number, m: number): number {
  const r = a % m;
  return r < 0 ? r + m : r;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an ISO 8601 date or date-time to epoch ms. A zone designator (`Z`, `+02:00`) is
 * honoured; without one the time is read as UTC, the time base of every dataset.
 * Returns NaN for text that is not such an instant or names an impossible date.
 */
export function parseIsoInstant(text: string): number {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return NaN;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? "0", m[5] ?? "0", m[6] ?? "0"].map(Number);
  const ms = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return NaN;
  const t = Date.UTC(year, month - 1, day, hour, minute, second) + ms;
  if (new Date(t).getUTCDate() !== day) return NaN;
  let offsetMs = 0;
  const zone = m[8];
  if (zone && zone !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const hours = Number(digits.slice(0, 2));
    const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (hours > 23 || minutes > 59) return NaN;
    offsetMs = (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes) * MINUTE_MS;
  }
  return t - offsetMs;
}

/** Minutes to milliseconds, rounded to the microsecond so that decimal minutes give exact grids. */
export function minutesToMs(minutes: number): number {
  return Math.round(minutes * 60_000_000) / 1000;
}

/** Duration in minutes; thresholds are compared in minutes, the unit the user typed. */
export function msToMinutes(ms: number): number {
  return ms / MINUTE_MS;
}
