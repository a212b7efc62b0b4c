const UNITS = ["B", "kB", "MB", "GB", "TB"];

/** Decimal units, as file managers show sizes: 1 500 000 → "1.50 MB" (en), "1,50 MB" (de). */
export function formatBytes(bytes: number, locale = "en-US"): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "–";
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const text = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value);
  return `${text} ${UNITS[unit]}`;
}
