import { TIME_AXIS_FORMATS, TIME_OF_DAY_FORMATS } from "./datetime-candidates";
import { epochMilliseconds, epochScale } from "./epoch-kind";
import { inferDateTimeFormat } from "./infer-datetime-format";
import { inferEpoch } from "./infer-epoch";
import type { TimeLayout } from "./layout";
import { looksNumeric } from "./looks-numeric";
import { END_NAME, ID_NAME } from "./score-time-column";
import { sampleTimeReader } from "./read-sample-time";
import { OFFSET_BY_ABBREVIATION } from "./zone-abbreviations";

export type TimeMetadataReason = "period end" | "second time column" | "time of day" | "epoch time" | "Excel serial date" | "zone code" | "calendar part";

export interface TimeMetadataColumn {
  index: number;
  name: string;
  reason: TimeMetadataReason;
}

const ZONE_NAME = /^(tz|tz_?cd|tz_?code|time[ _]?zone|zeitzone|zone|utc[ _]?offset)$/i;
/** `UTC+1`, `GMT-05:00`, `+01:00`; a bare `-5` could be a measurement. */
const OFFSET_TEXT = /^(UTC|GMT)[+\-\u2212]\d{1,2}(:?\d{2})?$|^[+\-\u2212]\d{2}:\d{2}$/i;
const CALENDAR_NAME = /^(year|month|day|hour|minute|second|doy|day[ _]?of[ _]?year|jahr|monat|tag|stunde|sekunde)$/i;
const EXCEL_NAME = /excel|serial|oadate|datenum/i;
/** Excel serial days from 1954 to 2119 (day 25569 is 1970-01-01). */
const EXCEL_MIN = 20_000;
const EXCEL_MAX = 80_000;
const EXCEL_EPOCH_DAY = 25_569;
const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
/** Share of rows in which a numeric time column must agree with the time axis. */
const AGREEMENT_SHARE = 0.9;

function stripUnit(name: string): string {
  return name.replace(/\s*[[(].*[\])]\s*$/, "").trim();
}

/**
 * Whether instants move with the time axis: a constant difference (a zone's offset, a
 * period's length, at most two days) that changes by no more than the daylight-saving hour
 * and a little over the rows where both read.
 */
function agreesWithTime(instants: readonly number[], times: readonly number[]): boolean {
  let both = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < instants.length; i++) {
    if (Number.isNaN(instants[i]) || Number.isNaN(times[i])) continue;
    both++;
    const difference = instants[i] - times[i];
    min = Math.min(min, difference);
    max = Math.max(max, difference);
  }
  const readable = instants.filter((t) => !Number.isNaN(t)).length;
  return both > 0 && both >= AGREEMENT_SHARE * readable && max - min <= 2 * MS_PER_HOUR && Math.abs(min) <= 2 * MS_PER_DAY;
}

function numericReason(texts: readonly string[], times: readonly number[], name: string): TimeMetadataReason | null {
  const numbers = texts.map((text) => (text === "" ? Number.NaN : Number(text)));
  const readable = numbers.filter((value) => Number.isFinite(value));
  if (readable.length === 0 || readable.length < 0.9 * texts.filter((text) => text !== "").length) return null;
  if (CALENDAR_NAME.test(name) && readable.every((value) => Number.isInteger(value) && value >= 0)) return "calendar part";
  const epoch = inferEpoch(texts, { anyOrder: true });
  if (epoch !== null) {
    const scale = epochScale(epoch)!;
    if (agreesWithTime(numbers.map((value) => epochMilliseconds(value, scale)), times)) return "epoch time";
  }
  if (readable.every((value) => value >= EXCEL_MIN && value < EXCEL_MAX)) {
    const instants = numbers.map((value) => (value - EXCEL_EPOCH_DAY) * MS_PER_DAY);
    if (EXCEL_NAME.test(name) || agreesWithTime(instants, times)) return "Excel serial date";
  }
  return null;
}

function isZoneCode(texts: readonly string[], name: string): boolean {
  if (ZONE_NAME.test(name)) return true;
  const filled = texts.filter((text) => text !== "");
  return filled.length > 0 && filled.every((text) => OFFSET_BY_ABBREVIATION.has(text.toUpperCase()) || OFFSET_TEXT.test(text));
}

/**
 * The columns besides the time axis that hold time, not measurements: a second date or
 * period end, a time of day, epoch values or Excel serial days that move with the time axis,
 * zone codes (`tz_cd` = EST/EDT), calendar parts (`Year`, `Hour`). They are left out of the
 * value columns and named in the import report, so that `02.01.2017` never becomes the value
 * 2012017 and an epoch beside a text time is not a measurement.
 */
export function detectTimeMetadata(records: readonly string[][], names: readonly string[], time: TimeLayout, monthFirst: boolean): TimeMetadataColumn[] {
  const read = sampleTimeReader(time);
  const times = records.map(read);
  const found: TimeMetadataColumn[] = [];
  names.forEach((fullName, index) => {
    if (time.columns.includes(index)) return;
    const texts = records.map((fields) => (fields[index] ?? "").trim());
    if (texts.every((text) => text === "")) return;
    const name = stripUnit(fullName);
    let reason: TimeMetadataReason | null = null;
    if (isZoneCode(texts, name)) reason = "zone code";
    else reason = numericReason(texts, times, name);
    // An identifier that reads as a date (order=2024011701) is not time: it stays what it is.
    if (reason === null && !ID_NAME.test(name) && !looksNumeric(texts) && texts.some((text) => /\d/.test(text))) {
      if (inferDateTimeFormat(texts, TIME_AXIS_FORMATS, monthFirst)) reason = END_NAME.test(name) ? "period end" : "second time column";
      else if (inferDateTimeFormat(texts, TIME_OF_DAY_FORMATS, monthFirst)) reason = "time of day";
    }
    if (reason !== null) found.push({ index, name: fullName, reason });
  });
  return found;
}
