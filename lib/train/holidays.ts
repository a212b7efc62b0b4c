import Holidays from "date-holidays";

/**
 * Public holidays of a country (optionally a state) for any year, from date-holidays
 * (maintained rules, not a hard-coded list). Only holidays of type "public" count.
 */
export interface HolidayCalendar {
  /** True if the calendar day `YYYY-MM-DD` (local to the country) is a public holiday. */
  isHoliday(year: number, month: number, day: number): boolean;
}

export class UnknownHolidayRegionError extends Error {}

export function createHolidayCalendar(country: string, state?: string): HolidayCalendar {
  const holidays = new Holidays();
  if (!holidays.getCountries()[country]) throw new UnknownHolidayRegionError(`no holiday rules for country '${country}'`);
  if (state !== undefined && !holidays.getStates(country)?.[state]) {
    throw new UnknownHolidayRegionError(`no holiday rules for state '${state}' of '${country}'`);
  }
  holidays.init(country, state ?? "");
  const byYear = new Map<number, Set<string>>();
  const daysOf = (year: number): Set<string> => {
    let days = byYear.get(year);
    if (!days) {
      days = new Set(holidays.getHolidays(year).filter((holiday) => holiday.type === "public").map((holiday) => holiday.date.slice(0, 10)));
      byYear.set(year, days);
    }
    return days;
  };
  return {
    isHoliday(year, month, day) {
      const key = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      return daysOf(year).has(key);
    },
  };
}
