/** Regions whose users write dates month first (03/04/2024 = March 4). */
const MONTH_FIRST_REGIONS = new Set(["US", "PH", "FM", "MH", "PW", "GU", "AS", "MP", "PR", "VI", "UM"]);

/** Whether a BCP 47 locale (en-US, es_US) defaults to month-first dates. */
export function prefersMonthFirst(locale: string | undefined): boolean {
  if (!locale) return false;
  const region = locale.replace("_", "-").split("-").slice(1).find((part) => /^[A-Za-z]{2}$/.test(part));
  return region !== undefined && MONTH_FIRST_REGIONS.has(region.toUpperCase());
}
