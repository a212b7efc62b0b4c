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
 *
 * In the "window" form the phase pairs are repeated for each step of the input window
 * (columns step by step: all pairs of step 1, then of step 2, …, named `d_sin@-2h`); the
 * holiday flag is always the reference time's and comes last.
 */

const DAY_MS = 86_400_000;
const TWO_PI = 2 * Math.PI;

const PHASES = ["year", "month", "week", "day"] as const;
const PHASE_PREFIX = { year: "y", month: "m", week: "w", day: "d" } as const;

function enabledPhases(config: TimeFeaturesConfig) {
  return PHASES.filter((phase) => config[phase]);
}

/** The times (ms relative to the reference time) at which the phases are taken. */
function phaseOffsets(config: TimeFeaturesConfig, windowOffsetsMs: ArrayLike<number>): number[] {
  return config.form === "window" ? Array.from(windowOffsetsMs) : [0];
}

/** `windowOffsetsMs`: the input window's step times relative to the reference time (used by the "window" form). */
export function timeFeatureNames(config: TimeFeaturesConfig, windowOffsetsMs: ArrayLike<number> = [0]): string[] {
  const pairs = enabledPhases(config).flatMap((phase) => [`${PHASE_PREFIX[phase]}_sin`, `${PHASE_PREFIX[phase]}_cos`]);
  const names =
    config.form === "window"
      ? phaseOffsets(config, windowOffsetsMs).flatMap((ms) => pairs.map((name) => `${name}@${Number((ms / 3_600_000).toPrecision(12))}h`))
      : pairs;
  return config.holidays ? [...names, "h"] : names;
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

/** One row per reference time, the columns named by `timeFeatureNames(config, windowOffsetsMs)`. */
export function computeTimeFeatures(referenceTime: Float64Array, config: TimeFeaturesConfig, windowOffsetsMs: ArrayLike<number> = [0]): Matrix {
  const width = timeFeatureNames(config, windowOffsetsMs).length;
  const out = createMatrix(referenceTime.length, width);
  if (width === 0) return out;
  const clock = createWallClock(config.local ? config.timezone : "UTC");
  const calendar = config.holidays ? holidayCalendarOf(config.holidays) : null;
  const phases = enabledPhases(config);
  const offsets = phaseOffsets(config, windowOffsetsMs);
  for (let i = 0; i < referenceTime.length; i++) {
    let at = i * width;
    if (phases.length > 0) {
      for (const offset of offsets) {
        const phase = calendarPhases(clock.wallMs(referenceTime[i] + offset));
        for (const kind of phases) {
          out.data[at++] = Math.sin(TWO_PI * phase[kind]);
          out.data[at++] = Math.cos(TWO_PI * phase[kind]);
        }
      }
    }
    if (calendar) {
      const date = new Date(clock.wallMs(referenceTime[i]));
      out.data[at] = calendar.isHoliday(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) ? 1 : 0;
    }
  }
  return out;
}
