import { isIanaZone } from "./import-options";
import { OFFSET_BY_ABBREVIATION } from "./zone-abbreviations";

/** A zone a file states, with the words that state it. */
export interface ZoneHint {
  zone: string;
  text: string;
}

/** Standard/summer abbreviation pairs that name a zone with daylight saving, not a fixed offset. */
const PAIRS: ReadonlyArray<[RegExp, string]> = [
  [/(?<![A-Za-z])(MEZ\s*\/\s*MESZ|MESZ\s*\/\s*MEZ|CET\s*\/\s*CEST|CEST\s*\/\s*CET)(?![A-Za-z])/, "Europe/Berlin"],
  [/(?<![A-Za-z])(WET\s*\/\s*WEST|WEST\s*\/\s*WET)(?![A-Za-z])/, "Europe/Lisbon"],
  [/(?<![A-Za-z])(EET\s*\/\s*EEST|EEST\s*\/\s*EET)(?![A-Za-z])/, "Europe/Helsinki"],
  [/(?<![A-Za-z])(EST\s*\/\s*EDT|EDT\s*\/\s*EST|EST5EDT)(?![A-Za-z])/, "America/New_York"],
  [/(?<![A-Za-z])(CST\s*\/\s*CDT|CDT\s*\/\s*CST|CST6CDT)(?![A-Za-z])/, "America/Chicago"],
  [/(?<![A-Za-z])(MST\s*\/\s*MDT|MDT\s*\/\s*MST|MST7MDT)(?![A-Za-z])/, "America/Denver"],
  [/(?<![A-Za-z])(PST\s*\/\s*PDT|PDT\s*\/\s*PST|PST8PDT)(?![A-Za-z])/, "America/Los_Angeles"],
];
/** The zone of each summer abbreviation, so that a zone column holding EST and EDT is read as New York. */
export const ZONE_OF_ABBREVIATION: ReadonlyMap<string, string> = new Map([
  ["CEST", "Europe/Berlin"],
  ["MESZ", "Europe/Berlin"],
  ["WEST", "Europe/Lisbon"],
  ["EEST", "Europe/Helsinki"],
  ["EDT", "America/New_York"],
  ["CDT", "America/Chicago"],
  ["MDT", "America/Denver"],
  ["PDT", "America/Los_Angeles"],
]);
const IANA = /(?<![A-Za-z])((?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z_+-]+(?:\/[A-Za-z_]+)?)/;
const UTC_OFFSET = /(?<![A-Za-z])(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)/i;
const UTC_WORD = /(?<![A-Za-z])(utc|gmt)(?![A-Za-z])/i;
const ABBREVIATION = new RegExp(`(?<![A-Za-z])(${[...OFFSET_BY_ABBREVIATION.keys()].join("|")})(?![A-Za-z])`);
const SIGNED_OFFSET = /^([+\-−])(\d{2}):?(\d{2})$/;

/** The zone of a fixed offset east of UTC: UTC, Etc/GMT∓h for whole hours (IANA signs are inverted), else "+05:30". */
export function fixedOffsetZone(minutes: number): string {
  if (minutes === 0) return "UTC";
  if (minutes % 60 === 0 && Math.abs(minutes) <= 12 * 60) return `Etc/GMT${minutes > 0 ? "-" : "+"}${Math.abs(minutes) / 60}`;
  const size = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(size / 60)).padStart(2, "0")}:${String(size % 60).padStart(2, "0")}`;
}

function offsetMinutes(sign: string, hours: string, minutes: string | undefined): number {
  return (sign === "+" ? 1 : -1) * (Number(hours) * 60 + Number(minutes ?? 0));
}

/**
 * The zone that a piece of a file's text states: an IANA name (`TZ=Europe/Berlin`), an
 * offset (`GMT+01:00` as HOBO writes, `(UTC+1)`), an abbreviation pair (`MEZ/MESZ`: the zone
 * with daylight saving), a single abbreviation (`MEZ`: the fixed offset) or the words UTC/GMT.
 * Null when it states none.
 */
export function zoneFromText(text: string): ZoneHint | null {
  const iana = IANA.exec(text);
  if (iana && isIanaZone(iana[1])) return { zone: iana[1], text: text.trim() };
  const offset = UTC_OFFSET.exec(text);
  if (offset) return { zone: fixedOffsetZone(offsetMinutes(offset[1], offset[2], offset[3])), text: text.trim() };
  for (const [pattern, zone] of PAIRS) if (pattern.test(text)) return { zone, text: text.trim() };
  const abbreviation = ABBREVIATION.exec(text);
  if (abbreviation) return { zone: fixedOffsetZone(OFFSET_BY_ABBREVIATION.get(abbreviation[1])!), text: text.trim() };
  if (UTC_WORD.test(text)) return { zone: "UTC", text: text.trim() };
  return null;
}

/**
 * The UTC offset (minutes east) of one cell of a zone or offset column: an abbreviation
 * (`EST`, `MESZ`), `Z`, `UTC`, `+01:00`, `-0500`, `UTC+1`. Null for anything else, plain
 * numbers included.
 */
export function zoneCellOffset(cell: string): number | null {
  const text = cell.trim();
  if (text === "") return null;
  const abbreviation = OFFSET_BY_ABBREVIATION.get(text.toUpperCase());
  if (abbreviation !== undefined) return abbreviation;
  if (text === "Z") return 0;
  const signed = SIGNED_OFFSET.exec(text);
  if (signed) return offsetMinutes(signed[1], signed[2], signed[3]);
  const utc = UTC_OFFSET.exec(text);
  return utc && utc.index === 0 && utc[0].length === text.length ? offsetMinutes(utc[1], utc[2], utc[3]) : null;
}

const METADATA_KEY = /^[#\s]*(time[\s_-]?zone|timezone|zeitzone|tz|utc[\s_-]?offset(?:[\s_-]?seconds)?|zone)\s*$/i;
const KEY_VALUE = /^[#\s]*(time[\s_-]?zone|timezone|zeitzone|tz|utc[\s_-]?offset(?:[\s_-]?seconds)?)\s*[:=]\s*(.+)$/i;

/** A metadata value: an offset in seconds for a `utc_offset_seconds` key, else a zone statement. */
function zoneOfValue(key: string, value: string, text: string): ZoneHint | null {
  const trimmed = value.trim().replace(/^"|"$/g, "");
  if (/seconds/i.test(key) && /^[+-]?\d+$/.test(trimmed)) return { zone: fixedOffsetZone(Number(trimmed) / 60), text };
  const hint = zoneFromText(trimmed);
  return hint ? { zone: hint.zone, text } : null;
}

/**
 * The zone stated in the metadata lines above the header: `key=value` or `key: value` in one
 * cell (`TZ=Europe/Berlin`, `Zeitzone: MEZ`, `Time zone: UTC`), a key cell followed by its
 * value, or a row of keys over a row of values (Open-Meteo's `timezone` and
 * `utc_offset_seconds`). An IANA name wins over an offset.
 */
export function zoneFromMetadata(lines: readonly (readonly string[])[]): ZoneHint | null {
  const found: ZoneHint[] = [];
  lines.forEach((fields, row) => {
    const text = fields.join(" ").trim();
    fields.forEach((field, column) => {
      const pair = KEY_VALUE.exec(field);
      if (pair) {
        const hint = zoneOfValue(pair[1], pair[2], field.trim());
        if (hint) found.push(hint);
        return;
      }
      const key = METADATA_KEY.exec(field);
      if (!key) return;
      const beside = fields[column + 1];
      const below = lines[row + 1]?.[column];
      const hint = (beside !== undefined && zoneOfValue(key[1], beside, text)) || (below !== undefined && zoneOfValue(key[1], below, `${field.trim()}: ${below.trim()}`));
      if (hint) found.push(hint);
    });
  });
  return found.find((hint) => hint.zone.includes("/") && !hint.zone.startsWith("Etc/")) ?? found[0] ?? null;
}
