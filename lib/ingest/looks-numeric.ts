const PLAIN_NUMBER = /^[-+\u2212]?\d{1,5}([.,]\d+)?([eE][-+]?\d+)?$/;
const MONTH_YEAR = /^\d{1,2}[./]\d{4}$/;
const PROBE = 24;

/** Share of the probed values that must be plain numbers (a header, units or note line above the data may not be). */
const NUMERIC_SHARE = 2 / 3;

/**
 * Whether a column's first values are mostly plain decimals or short integers that no
 * datetime format reads (`-19.6`, `13,23`, `2019`; not `03.2024`, `20240117` or
 * `1704067200`), so that the datetime candidates are not tried on every measurement column.
 */
export function looksNumeric(values: readonly string[]): boolean {
  let seen = 0;
  let plain = 0;
  for (const value of values) {
    const text = value.trim();
    if (text === "") continue;
    if (PLAIN_NUMBER.test(text) && !MONTH_YEAR.test(text)) plain++;
    if (++seen >= PROBE) break;
  }
  return seen > 0 && plain >= NUMERIC_SHARE * seen;
}
