/**
 * Wall-clock time of a UTC instant in an IANA zone, via Intl only, so that results never
 * depend on the machine's own time zone. Offsets are cached per quarter hour of UTC time
 * (every current zone changes offset on a quarter-hour boundary), which keeps a million
 * calls to a few thousand Intl look-ups.
 */

const QUARTER_HOUR_MS = 900_000;

export interface WallClock {
  /** The instant shifted by the zone's UTC offset: read it with getUTC* methods. */
  wallMs(utcMs: number): number;
}

export function createWallClock(timeZone: string): WallClock {
  if (timeZone === "UTC") return { wallMs: (utcMs) => utcMs };
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const offsets = new Map<number, number>();
  const offsetAt = (bucketStart: number): number => {
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(bucketStart))) {
      if (part.type !== "literal") fields[part.type] = Number(part.value);
    }
    const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
    return wall - bucketStart;
  };
  return {
    wallMs(utcMs) {
      const bucket = Math.floor(utcMs / QUARTER_HOUR_MS);
      let offset = offsets.get(bucket);
      if (offset === undefined) {
        offset = offsetAt(bucket * QUARTER_HOUR_MS);
        offsets.set(bucket, offset);
      }
      return utcMs + offset;
    },
  };
}
