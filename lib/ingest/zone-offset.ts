import { daysFromCivil } from "./days-from-civil";
import { IngestError } from "./ingest-error";

const MS_PER_DAY = 86_400_000;

/**
 * The UTC offset (ms, local − UTC) of an IANA zone at any instant, from Intl.DateTimeFormat
 * and independent of the machine's TZ. Intl is slow, so it is asked once per UTC day; only on
 * days whose start and end offsets differ (DST changes) is the exact instant asked.
 */
export class ZoneOffset {
  readonly zone: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly offsetAtDayStart = new Map<number, number>();

  constructor(zone: string) {
    this.zone = zone;
    try {
      this.format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
        era: "short",
      });
    } catch {
      throw new IngestError(`unknown time zone '${zone}' (expected an IANA name such as Europe/Berlin)`);
    }
  }

  /** Offset at the UTC instant `utcMs`. */
  at(utcMs: number): number {
    const day = Math.floor(utcMs / MS_PER_DAY);
    const start = this.dayStart(day);
    return start === this.dayStart(day + 1) ? start : this.exact(utcMs);
  }

  private dayStart(day: number): number {
    let offset = this.offsetAtDayStart.get(day);
    if (offset === undefined) {
      offset = this.exact(day * MS_PER_DAY);
      this.offsetAtDayStart.set(day, offset);
    }
    return offset;
  }

  private exact(utcMs: number): number {
    const wholeSeconds = Math.floor(utcMs / 1000) * 1000;
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let beforeChrist = false;
    for (const part of this.format.formatToParts(wholeSeconds)) {
      if (part.type === "year") year = Number(part.value);
      else if (part.type === "month") month = Number(part.value);
      else if (part.type === "day") day = Number(part.value);
      else if (part.type === "hour") hour = Number(part.value) % 24;
      else if (part.type === "minute") minute = Number(part.value);
      else if (part.type === "second") second = Number(part.value);
      else if (part.type === "era") beforeChrist = part.value.startsWith("B");
    }
    if (beforeChrist) year = 1 - year;
    const local = daysFromCivil(year, month, day) * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000;
    return local - wholeSeconds;
  }
}
