import Holidays from "date-holidays";

/** The countries (and their states, where the rules differ by state) date-holidays has public-holiday rules for, by name. */
export interface HolidayRegion {
  code: string;
  name: string;
  states: { code: string; name: string }[];
}

/** Names in `language` where date-holidays has them (else in the country's own or English), sorted as that language sorts. */
export function holidayRegions(language = "en"): HolidayRegion[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, language);
  const holidays = new Holidays();
  return Object.entries(holidays.getCountries(language))
    .map(([code, name]) => ({
      code,
      name,
      states: Object.entries(holidays.getStates(code, language) ?? {})
        .map(([state, stateName]) => ({ code: state, name: stateName }))
        .sort(byName),
    }))
    .sort(byName);
}
