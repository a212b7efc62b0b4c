import { ZoneOffset } from "@/lib/ingest/zone-offset";

/**
 * Wall-clock time of a UTC instant in an IANA zone, through the importer's ZoneOffset
 * (Intl only, cached), so results never depend on the machine's own time zone.
 */
export interface WallClock {
  /** The instant shifted by the zone's UTC offset: read it with getUTC* methods. */
  wallMs(utcMs: number): number;
}

export function createWallClock(timeZone: string): WallClock {
  if (timeZone === "UTC") return { wallMs: (utcMs) => utcMs };
  const offset = new ZoneOffset(timeZone);
  return { wallMs: (utcMs) => utcMs + offset.at(utcMs) };
}
