import type { Frame } from "@/lib/series/frame";
import { formatValue } from "@/lib/series/normalised-csv";
import { csvField, formulaSafe } from "./formula-safe";

/** A number as German Excel reads it: decimal comma, no thousands separator, sign kept. */
export function formatGermanNumber(v: number): string {
  return formatValue(v).replace(".", ",");
}

const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const BLOCK_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/**
 * UTC instants as `DD.MM.YYYY HH:MM:SS` wall-clock time in an IANA zone. The zone's offset is
 * looked up once per quarter hour (offsets change on quarter hours at most), so a million
 * rows cost a few thousand Intl calls.
 */
export class GermanLocalTimeFormatter {
  private readonly parts: Intl.DateTimeFormat;
  private block = NaN;
  private offset = 0;

  constructor(readonly timeZone: string) {
    this.parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  }

  /** Milliseconds to add to a UTC instant to get the zone's wall-clock time. */
  offsetAt(t: number): number {
    const block = Math.floor(t / BLOCK_MS);
    if (block !== this.block) {
      this.block = block;
      const at = block * BLOCK_MS;
      const fields: Record<string, number> = {};
      for (const part of this.parts.formatToParts(at)) if (part.type !== "literal") fields[part.type] = Number(part.value);
      this.offset = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second) - at;
    }
    return this.offset;
  }

  private day = NaN;
  private prefix = "";

  /** The date part is made once per local day, the time of day from lookup tables. */
  format(t: number): string {
    const local = t + this.offsetAt(t);
    const day = Math.floor(local / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      const date = new Date(day * DAY_MS);
      this.prefix = `${TWO[date.getUTCDate()]}.${TWO[date.getUTCMonth() + 1]}.${date.getUTCFullYear()} `;
    }
    let rest = local - day * DAY_MS;
    const ms = Math.floor(rest % 1000);
    rest = Math.floor(rest / 1000);
    const seconds = rest % 60;
    rest = (rest - seconds) / 60;
    const minutes = rest % 60;
    const hours = (rest - minutes) / 60;
    const text = `${this.prefix}${TWO[hours]}:${TWO[minutes]}:${TWO[seconds]}`;
    return ms === 0 ? text : `${text},${String(ms).padStart(3, "0")}`;
  }
}

const ROWS_PER_CHUNK = 8192;

/**
 * A CSV that German Excel opens by double-click: UTF-8 with BOM, `;`, decimal comma, CRLF,
 * local time in `timeZone`, a units row under the header when any column has a unit,
 * names protected against formula injection. Yields text chunks.
 */
export function* formatGermanExcelCsv(frame: Frame, timeZone: string): Generator<string> {
  const cell = (text: string) => csvField(formulaSafe(text), ";");
  let head = "\uFEFF" + ["Zeitstempel", ...frame.columns.map((column) => cell(column.name))].join(";") + "\r\n";
  if (frame.columns.some((column) => column.unit)) head += ["", ...frame.columns.map((column) => cell(column.unit ?? ""))].join(";") + "\r\n";
  yield head;
  const clock = new GermanLocalTimeFormatter(timeZone);
  const values = frame.columns.map((column) => column.values);
  let chunk = "";
  for (let i = 0; i < frame.time.length; i++) {
    let line = clock.format(frame.time[i]);
    for (let c = 0; c < values.length; c++) {
      const v = values[c][i];
      line += v !== v ? ";" : ";" + formatGermanNumber(v);
    }
    chunk += line + "\r\n";
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** A file name safe in a Content-Disposition header and on every file system. */
export function safeFileName(name: string, suffix: string): string {
  const base = name
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+|_+$/g, "")
    .slice(0, 100);
  return `${base || "dataset"}${suffix}`;
}
