import { compileCached } from "./compile-cached";
import { TIME_AXIS_FORMATS } from "./datetime-candidates";
import { looksNumeric } from "./looks-numeric";

const MAX_RECORDS = 200;
/** A digit beside a separator or letters: `12h09 26/03/14`, `1 PM`, `Nov 2025`, not a bare word or number. */
const DATE_LIKE = /^(?=.*\d)(?=.*[-/.:A-Za-z]).*$/;

function quoted(name: string, column: number): string {
  return name ? `'${name}'` : `column ${column + 1}`;
}

/**
 * For the message when no time column is found: the column closest to one, so the user
 * knows where to look — the one a known format reads most often (below the half a time
 * column needs), else the one whose values look most like dates, with an example value.
 */
export function closestTimeColumn(records: readonly string[][], fieldCount: number, names: readonly string[]): string {
  const sample = records.slice(0, MAX_RECORDS);
  let best = { column: -1, format: "", matched: 0, total: 0 };
  let likeliest = { column: -1, share: 0, example: "" };
  for (let c = 0; c < fieldCount; c++) {
    const texts = sample.map((fields) => (fields[c] ?? "").trim()).filter((text) => text !== "");
    if (texts.length === 0 || looksNumeric(texts)) continue;
    const dateLike = texts.filter((text) => DATE_LIKE.test(text));
    if (dateLike.length / texts.length > likeliest.share) likeliest = { column: c, share: dateLike.length / texts.length, example: dateLike[0] };
    if (dateLike.length === 0) continue;
    for (const format of TIME_AXIS_FORMATS) {
      const parser = compileCached(format);
      const matched = texts.filter((text) => !Number.isNaN(parser.parse(text))).length;
      if (matched > best.matched) best = { column: c, format, matched, total: texts.length };
    }
  }
  if (best.column >= 0) return `the closest is ${quoted(names[best.column] ?? "", best.column)}, of which '${best.format}' reads only ${best.matched} of ${best.total} values`;
  if (likeliest.column >= 0) return `the closest is ${quoted(names[likeliest.column] ?? "", likeliest.column)} ('${likeliest.example.slice(0, 40)}'), which no known format reads`;
  return "no column holds date-like text or epoch-sized numbers";
}
