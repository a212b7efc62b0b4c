import { z } from "zod";

/**
 * The user's import choices, shared by the wizard, the server actions, the CLI and saved
 * profiles. Every field is optional: a missing field means "use what detection found".
 */

export const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export const DELIMITERS = [",", ";", "\t", "|"] as const;
export const TIME_KINDS = ["combined", "dateTime", "epochSeconds", "epochMillis", "epochMicros"] as const;

/** A column chosen by its header name or by its 0-based position in the file. */
const columnRef = z.union([z.string().min(1), z.number().int().min(0)]);

export function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const importOptionsSchema = z
  .object({
    encoding: z.enum(ENCODINGS),
    delimiter: z.enum(DELIMITERS),
    quote: z.string().length(1),
    decimal: z.enum([".", ","]),
    /** "" = no thousands separator. */
    thousands: z.enum(["", ".", ",", " ", "'"]),
    /** Lines (records) before the header row, or before the data when there is no header. */
    skipLines: z.number().int().min(0),
    headerRow: z.boolean(),
    /** A row of units (`;°C;kW`) right below the header. */
    unitsRow: z.boolean(),
    timeColumns: z.array(columnRef).min(1).max(2),
    timeKind: z.enum(TIME_KINDS),
    /** strftime codes: %Y %y %m %d %H %I %M %S %f %p %b %B %z; date + time columns are joined by one space; `epoch-s`, `epoch-ms`, `epoch-us` (or `%s`) for epoch values. */
    timeFormat: z.string().min(2),
    /** IANA zone of naive timestamps, given by the user; absent = found in the file (docs/import.md#zones-and-daylight-saving). */
    timezone: z.string().refine(isIanaZone, { message: "not a known IANA time zone" }),
    /** The user's own zone (the browser's), used for naive times only when the file does not show theirs. */
    userZone: z.string().refine(isIanaZone, { message: "not a known IANA time zone" }),
    /** How to read dates like 03/04/2024 when the column does not decide it. */
    dateOrder: z.enum(["dayFirst", "monthFirst"]),
    /** BCP 47 locale of the user, used only to default the date order (en-US → month first). */
    locale: z.string().min(2),
    /** Extra values meaning "missing": compared as numbers when numeric (-999 matches -999.0), else as text. */
    missing: z.array(z.string()),
    valueColumns: z.array(columnRef).min(1),
  })
  .partial()
  .strict();

export type ImportOptions = z.infer<typeof importOptionsSchema>;
export type Encoding = (typeof ENCODINGS)[number];
export type Delimiter = (typeof DELIMITERS)[number];
export type TimeKind = (typeof TIME_KINDS)[number];
