/**
 * The datetime formats tried on a column, in order of preference on a tie: every format of
 * the original service's list or an equivalent that reads the same texts, plus two-digit
 * years, month names, 12-hour clocks and offsets (docs/import.md#candidate-formats).
 */

const YMD_DATES = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"];
const DMY_DATES = ["%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%y", "%d/%m/%y", "%d-%m-%y"];
const MDY_DATES = ["%m/%d/%Y", "%m-%d-%Y", "%m/%d/%y", "%m-%d-%y"];
const NAMED_DATES = ["%d-%b-%Y", "%d %b %Y", "%d. %b %Y", "%d.%b.%Y", "%b %d %Y", "%b %d, %Y", "%Y-%b-%d", "%d-%b-%y", "%d/%b/%Y", "%a, %d %b %Y", "%a %b %d %Y"];
const COMPACT_DATES = ["%Y%m%d"];
/** Monthly values (energy reports): the first of the month. */
const MONTHS = ["%Y-%m", "%m/%Y", "%m.%Y", "%b %Y"];

export const TIME_ONLY_FORMATS = ["%H:%M:%S.%f", "%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p"];
/** Hour-only 12-hour clocks (`01-AM`, `1 PM`): after a numeric date, and in a time column of their own. */
export const HOUR_ONLY_TIMES = ["%I %p", "%I-%p"];
export const DATE_ONLY_FORMATS = [...YMD_DATES, ...DMY_DATES, ...MDY_DATES, ...NAMED_DATES, ...COMPACT_DATES, ...MONTHS];

function withTimes(dates: string[], separators: string[]): string[] {
  return dates.flatMap((date) => separators.flatMap((separator) => TIME_ONLY_FORMATS.map((time) => date + separator + time)));
}

const NAIVE = [
  ...withTimes(["%Y-%m-%d"], ["T", " "]),
  ...withTimes(YMD_DATES.slice(1), [" ", "T"]),
  // ", " as JavaScript's toLocaleString and some spreadsheets write it (1/5/2024, 1:00:00 PM).
  ...withTimes(DMY_DATES, [" ", ", "]),
  ...withTimes(MDY_DATES, [" ", ", "]),
  ...withTimes(NAMED_DATES, [" ", ", "]),
  ...withTimes(COMPACT_DATES, [" ", "T"]),
  "%Y%m%d%H%M%S",
  "%Y%m%d%H%M",
  // Hourly stamps of weather services (DWD MESS_DATUM 2024010100).
  "%Y%m%d%H",
  "%Y%m%dT%H%M%S",
  // PVGIS writes 20180101:0000.
  "%Y%m%d:%H%M",
  ...[...YMD_DATES, ...DMY_DATES, ...MDY_DATES].flatMap((date) => HOUR_ONLY_TIMES.map((time) => `${date} ${time}`)),
  // Time before date, as web server logs write it (00:00:00 21/Nov/2025).
  ...["%H:%M:%S", "%H:%M"].flatMap((time) => [...YMD_DATES, ...DMY_DATES, ...MDY_DATES, ...NAMED_DATES].map((date) => `${time} ${date}`)),
];

/** Date and time in one text: naive formats first, then the same with a trailing offset (`Z`, `+01:00`). */
export const COMBINED_FORMATS = [...NAIVE, ...NAIVE.map((format) => (format.includes("T") ? format + "%z" : format + " %z"))];

/** Every format a time-axis column may hold: date-only first (a combined format also reads a bare date as midnight, and a tie goes to the earlier candidate). */
export const TIME_AXIS_FORMATS = [...DATE_ONLY_FORMATS, ...COMBINED_FORMATS];

/** Every format a time-of-day column may hold (the time column of a date + time pair). */
export const TIME_OF_DAY_FORMATS = [...TIME_ONLY_FORMATS, ...HOUR_ONLY_TIMES];

/** The same format with day and month swapped, or null (for ambiguity between 03/04 and 04/03). */
export function swapDayMonth(format: string): string | null {
  if (!format.includes("%d") || !format.includes("%m")) return null;
  return format.replace(/%d|%m/g, (code) => (code === "%d" ? "%m" : "%d"));
}

/** Whether a format puts the day before the month. */
export function isDayFirst(format: string): boolean {
  return format.indexOf("%d") < format.indexOf("%m");
}
