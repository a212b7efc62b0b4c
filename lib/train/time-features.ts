import { createHolidayCalendar, UnknownHolidayRegionError } from "./holidays";
import { createMatrix, type Matrix } from "./matrix";
import type { TimeFeaturesConfig } from "./training-config";
import { createWallClock } from "./wall-clock";

/**
 * Time features at each reference time: sin/cos of the phase of the year, month, week and
 * day, and a 0/1 public-holiday flag. Phases are calendar phases on the wall clock of the
 * chosen zone (UTC unless `local`): the year starts on 1 January 00:00, the month on its
 * 1st, the week on Monday 00:00, the day at midnight, each divided by its own length
 * (leap years and 28…31-day months included). On a DST day the day phase follows the
 * wall clock, as the original's local mode did. (The original's UTC mode used fixed
 * periods since 1970 instead; calendar phases in UTC are the same idea without the drift.)
 */

const DAY_MS = 86_400_000;
const TWO_PI = 2 * Math.PI;

export function timeFeatureNames(config: TimeFeaturesConfig): string[] {
  const names: string[] = [];
  if (config.year) names.push("y_sin", "y_cos");
  if (config.month) names.push("m_sin", "m_cos");
  if (config.week) names.push("w_sin", "w_cos");
  if (config.day) names.push("d_sin", "d_cos");
  if (config.holidays) names.push("h");
  return names;
}

/** Phases in [0, 1) of the wall-clock instant `wall` (epoch ms read with getUTC*). */
export function calendarPhases(wall: number): { year: number; month: number; week: number; day: number } {
  const date = new Date(wall);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const yearStart = Date.UTC(y, 0, 1);
  const monthStart = Date.UTC(y, m, 1);
  const dayStart = Date.UTC(y, m, date.getUTCDate());
  const mondayIndex = (date.getUTCDay() + 6) % 7;
  return {
    year: (wall - yearStart) / (Date.UTC(y + 1, 0, 1) - yearStart),
    month: (wall - monthStart) / (Date.UTC(y, m + 1, 1) - monthStart),
    week: (wall - (dayStart - mondayIndex * DAY_MS)) / (7 * DAY_MS),
    day: (wall - dayStart) / DAY_MS,
  };
}

function holidayCalendarOf(holidays: NonNullable<TimeFeaturesConfig["holidays"]>) {
  try {
    return createHolidayCalendar(holidays.country, holidays.state);
  } catch (error) {
    if (error instanceof UnknownHolidayRegionError) throw new UnknownHolidayRegionError(`timeFeatures.holidays: ${error.message}`);
    throw error;
  }
}

/** One row per reference time, the columns named by `timeFeatureNames(config)`. */
export function computeTimeFeatures(referenceTime: Float64Array, config: TimeFeaturesConfig): Matrix {
  const names = timeFeatureNames(config);
  const out = createMatrix(referenceTime.length, names.length);
  if (names.length === 0) return out;
  const clock = createWallClock(config.local ? config.timezone : "UTC");
  const calendar = config.holidays ? holidayCalendarOf(config.holidays) : null;
  const phaseKinds = (["year", "month", "week", "day"] as const).filter((kind) => config[kind]);
  for (let i = 0; i < referenceTime.length; i++) {
    const wall = clock.wallMs(referenceTime[i]);
    const phases = calendarPhases(wall);
    let at = i * names.length;
    for (const kind of phaseKinds) {
      out.data[at++] = Math.sin(TWO_PI * phases[kind]);
      out.data[at++] = Math.cos(TWO_PI * phases[kind]);
    }
    if (calendar) {
      const date = new Date(wall);
      out.data[at] = calendar.isHoliday(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) ? 1 : 0;
    }
  }
  return out;
}
