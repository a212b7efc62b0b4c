import { fixedOffsetZone, ZONE_OF_ABBREVIATION, zoneCellOffset } from "./zone-hints";

/** A column that gives each row's zone or UTC offset (USGS `tz_cd`: EST/EDT; `+01:00`). */
export interface ZoneColumn {
  column: number;
  /** The zone for rows whose cell is empty or unreadable: the zone of its abbreviations, else its first offset. */
  zone: string;
  /** The distinct codes seen in the sample, as the evidence. */
  codes: string[];
}

const MIN_SHARE = 0.9;
const MAX_CODES = 4;

/**
 * The first column (other than the time columns) whose non-empty sample cells are at least
 * 90 % zone abbreviations or signed UTC offsets; null when there is none.
 */
export function findZoneColumn(rows: readonly (readonly string[])[], fieldCount: number, timeColumns: readonly number[]): ZoneColumn | null {
  for (let column = 0; column < fieldCount; column++) {
    if (timeColumns.includes(column)) continue;
    const cells = rows.map((fields) => (fields[column] ?? "").trim()).filter((cell) => cell !== "");
    if (cells.length === 0) continue;
    const readable = cells.filter((cell) => zoneCellOffset(cell) !== null);
    if (readable.length < MIN_SHARE * cells.length) continue;
    const codes = [...new Set(readable)];
    const named = codes.map((code) => ZONE_OF_ABBREVIATION.get(code.toUpperCase())).find((zone) => zone !== undefined);
    return { column, zone: named ?? fixedOffsetZone(zoneCellOffset(codes[0])!), codes: codes.slice(0, MAX_CODES) };
  }
  return null;
}
