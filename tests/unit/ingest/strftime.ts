/** A tiny strftime for tests (Python's output for the codes the original used), so that expected texts are independent of the code under test. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
  /** Minutes east of UTC, for %z. */
  offsetMinutes?: number;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

export function strftime(format: string, t: WallClock): string {
  return format.replace(/%([YmdHIMSfpbz])/g, (_, code: string) => {
    switch (code) {
      case "Y":
        return pad(t.year, 4);
      case "m":
        return pad(t.month);
      case "d":
        return pad(t.day);
      case "H":
        return pad(t.hour);
      case "I":
        return pad(t.hour % 12 === 0 ? 12 : t.hour % 12);
      case "M":
        return pad(t.minute);
      case "S":
        return pad(t.second);
      case "f":
        return pad(t.microsecond, 6);
      case "p":
        return t.hour < 12 ? "AM" : "PM";
      case "b":
        return MONTHS[t.month - 1];
      default: {
        const offset = t.offsetMinutes ?? 0;
        return (offset < 0 ? "-" : "+") + pad(Math.floor(Math.abs(offset) / 60)) + pad(Math.abs(offset) % 60);
      }
    }
  });
}

/** UTC epoch ms of a wall clock (applying its offset when `withOffset`), keeping only what the format shows. */
export function expectedMs(format: string, t: WallClock, withOffset: boolean): number {
  const has = (code: string) => format.includes(code);
  const hasDate = has("%Y") || has("%d");
  const ms = Date.UTC(
    hasDate ? t.year : 1970,
    hasDate ? t.month - 1 : 0,
    hasDate ? t.day : 1,
    has("%H") || has("%I") ? t.hour : 0,
    has("%M") ? t.minute : 0,
    has("%S") ? t.second : 0,
  );
  const fraction = has("%f") ? t.microsecond / 1000 : 0;
  return ms + fraction - (withOffset && has("%z") ? (t.offsetMinutes ?? 0) * 60_000 : 0);
}

/**
 * The 44 formats the original service accepted (the list the product owners gave us), quoted
 * here in its order; lib/ingest/datetime-candidates.ts reads each of them or an equivalent.
 */
export const ORIGINAL_FORMATS = [
  "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M:%S",
  "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f",
  "%Y-%m-%d %H:%M", "%Y-%m-%d", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M:%S.%f", "%d.%m.%Y %H:%M",
  "%d.%m.%Y", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M:%S.%f", "%d/%m/%Y %H:%M", "%d/%m/%Y",
  "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y", "%m-%d-%Y %H:%M:%S", "%m-%d-%Y %H:%M",
  "%m-%d-%Y", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M:%S.%f", "%Y/%m/%d %H:%M", "%Y/%m/%d",
  "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M:%S.%f", "%d-%m-%Y %H:%M", "%d-%m-%Y", "%Y%m%d %H:%M:%S",
  "%Y%m%d%H%M%S", "%Y%m%d", "%H:%M:%S.%f", "%H:%M:%S", "%H:%M", "%Y-%m-%d %I:%M:%S %p",
  "%Y-%m-%d %I:%M %p", "%d.%m.%Y %I:%M:%S %p", "%d.%m.%Y %I:%M %p", "%d/%m/%Y %I:%M:%S %p",
  "%m/%d/%Y %I:%M:%S %p",
];

/** Wall clocks covering days above 12 (so day/month order is decidable), both halves of the day, offsets either side of UTC. */
export function sampleClocks(count: number): WallClock[] {
  return Array.from({ length: count }, (_, i) => ({
    year: 2023 + (i % 3),
    month: 1 + ((i * 5) % 12),
    day: 1 + ((i * 7) % 28),
    hour: (i * 5) % 24,
    minute: (i * 13) % 60,
    second: (i * 17) % 60,
    microsecond: (i * 123457) % 1_000_000,
    offsetMinutes: [60, 120, -300, 0, 330][i % 5],
  }));
}
