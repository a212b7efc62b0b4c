import type { ZoneChoice } from "@/lib/contracts/zone-choice";
import type { DateOrderBasis } from "./decide-date-order";
import type { Delimiter, Encoding, TimeKind } from "./import-options";
import type { TimeMetadataColumn } from "./detect-time-metadata";

/** How the timestamp is read. */
export interface TimeLayout {
  kind: TimeKind;
  /** 0-based column positions: one, or the date column and the time column. */
  columns: number[];
  /** strftime format; for date + time columns the two formats joined by one space; "" for epoch values. */
  format: string;
  /** The values carry their own UTC offset, so the zone is not applied to them. */
  hasOffset: boolean;
  /** Set when the column cannot tell day-first from month-first: the format used and the other reading. */
  ambiguity: { message: string; alternatives: string[] } | null;
  /** What decided the day/month order: the data's sequence, a 12-hour clock, the locale, the user, or nothing to decide. */
  dateOrderBy: DateOrderBasis;
}

export interface LayoutColumn {
  index: number;
  name: string;
  unit?: string;
}

/**
 * What detection found (or the user chose) about a file: everything the streaming parser
 * needs, as plain JSON so that it can be shown, edited, stored with a dataset and re-applied.
 */
export interface Layout {
  encoding: Encoding;
  delimiter: Delimiter;
  quote: string;
  decimal: "." | ",";
  thousands: "" | "." | "," | " " | "'";
  /** Records before the header row (or before the data when there is no header). */
  skipLines: number;
  headerRow: boolean;
  unitsRow: boolean;
  /** Fields per data row. */
  fieldCount: number;
  columns: LayoutColumn[];
  time: TimeLayout;
  /** Positions of the columns read as numbers. */
  valueColumns: number[];
  /** Other time-like columns (a period end, epoch or Excel serial beside the time, zone codes): left out of the values, with the reason. */
  timeMetadata: TimeMetadataColumn[];
  /** IANA zone of naive times; null = naive times are UTC (nothing said which zone). */
  timezone: string | null;
  /** The zone of naive times and why it was chosen; null for epoch values and values with offsets. */
  zone: ZoneChoice | null;
  /** A column giving each row's zone or offset (USGS `tz_cd`), applied before `timezone`; null when none. */
  zoneColumn: number | null;
  /** User sentinels that mean missing, besides the built-in tokens. */
  missing: string[];
  /** Plain-language notes about guesses the user may want to check. */
  notes: string[];
}
