/**
 * Offsets (minutes east of UTC) of the zone abbreviations loggers append to local times
 * (`31.03.2024 01:45:00 MEZ`); only unambiguous ones (no IST, BST, CST outside the US).
 */
export const OFFSET_BY_ABBREVIATION: ReadonlyMap<string, number> = new Map([
  ["UTC", 0],
  ["GMT", 0],
  ["WET", 0],
  ["WEST", 60],
  ["CET", 60],
  ["MEZ", 60],
  ["CEST", 120],
  ["MESZ", 120],
  ["EET", 120],
  ["EEST", 180],
  ["EST", -300],
  ["EDT", -240],
  ["CST", -360],
  ["CDT", -300],
  ["MST", -420],
  ["MDT", -360],
  ["PST", -480],
  ["PDT", -420],
]);
