/**
 * Writes test exports the way a logger with a local clock does: a regular series of UTC
 * instants, each written as the wall-clock time Intl gives for a zone (independent of the
 * code under test and of the machine's TZ). Rows are `<time>;<value>` with value = row index.
 */
export interface LocalRow {
  utc: number;
  text: string;
}

const pad = (value: number) => String(value).padStart(2, "0");

export function localRows(zone: string, fromUtc: number, toUtc: number, stepMs: number, style: "de" | "iso" = "de"): LocalRow[] {
  const format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
  const rows: LocalRow[] = [];
  for (let utc = fromUtc; utc < toUtc; utc += stepMs) {
    const parts = Object.fromEntries(format.formatToParts(utc).map((part) => [part.type, part.value]));
    const [year, month, day, hour, minute] = [parts.year, pad(Number(parts.month)), pad(Number(parts.day)), pad(Number(parts.hour) % 24), pad(Number(parts.minute))];
    rows.push({ utc, text: style === "de" ? `${day}.${month}.${year} ${hour}:${minute}` : `${year}-${month}-${day} ${hour}:${minute}` });
  }
  return rows;
}

/** The rows as a `;` file with a header, in the given order. */
export function exportText(rows: readonly LocalRow[], header = "Zeit;Wert"): string {
  return [header, ...rows.map((row, i) => `${row.text};${i}`)].join("\n") + "\n";
}
