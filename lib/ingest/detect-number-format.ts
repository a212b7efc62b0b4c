import type { Delimiter } from "./import-options";

export interface NumberFormat {
  decimal: "." | ",";
  thousands: "" | "." | "," | " " | "'";
}

const COMMA_DECIMAL = /^\d+,\d+$/;
const POINT_DECIMAL = /^\d+\.\d+$/;
/** `1,234` or `1.234`: a decimal mark with three decimals, or a thousands separator. */
const AMBIGUOUS_COMMA = /^\d{1,3},\d{3}$/;
const AMBIGUOUS_POINT = /^\d{1,3}\.\d{3}$/;
const DOT_GROUPS_COMMA_DECIMAL = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
const COMMA_GROUPS_POINT_DECIMAL = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const SPACE_GROUPS = /^\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/;
const APOSTROPHE_GROUPS = /^\d{1,3}('\d{3})+(\.\d+)?$/;

/**
 * Decimal mark and thousands separator from the value cells of a sample: unambiguous
 * cells (`12,5`, `1.234,5`, `3.14159`) vote; `1,234` and `1.234` alone are ambiguous and
 * follow the delimiter (a `;` or tab file with `12,345` uses decimal commas, `1.234` is read
 * as a decimal point).
 */
export function detectNumberFormat(cells: readonly string[], delimiter: Delimiter): NumberFormat {
  let comma = 0;
  let point = 0;
  let dotGroups = 0;
  let commaGroups = 0;
  let spaceGroups = 0;
  let apostropheGroups = 0;
  let ambiguousComma = 0;
  let ambiguousPoint = 0;
  for (const cell of cells) {
    const text = cell.trim().replace(/^[-+\u2212]/, "");
    if (text === "" || text.length > 40) continue;
    if (AMBIGUOUS_COMMA.test(text)) ambiguousComma++;
    else if (AMBIGUOUS_POINT.test(text)) ambiguousPoint++;
    else if (COMMA_DECIMAL.test(text)) comma++;
    else if (POINT_DECIMAL.test(text)) point++;
    else if (DOT_GROUPS_COMMA_DECIMAL.test(text)) dotGroups++;
    else if (COMMA_GROUPS_POINT_DECIMAL.test(text)) commaGroups++;
    else if (SPACE_GROUPS.test(text)) {
      spaceGroups++;
      if (text.includes(",")) comma++;
      else if (text.includes(".")) point++;
    } else if (APOSTROPHE_GROUPS.test(text)) {
      // Swiss style: apostrophe groups with a decimal point.
      apostropheGroups++;
      point++;
    }
  }
  let decimal: "." | ",";
  if (comma + dotGroups > point + commaGroups) decimal = ",";
  else if (point + commaGroups > comma + dotGroups) decimal = ".";
  else if (ambiguousComma > 0 && delimiter !== ",") decimal = ",";
  else if (ambiguousPoint > 0) decimal = ".";
  else decimal = delimiter === ";" ? "," : ".";
  let thousands: NumberFormat["thousands"] = "";
  if (decimal === "," && (dotGroups > 0 || (ambiguousPoint > 0 && comma > 0))) thousands = ".";
  else if (decimal === "." && (commaGroups > 0 || (ambiguousComma > 0 && point > 0))) thousands = ",";
  else if (spaceGroups > 0) thousands = " ";
  else if (apostropheGroups > 0 && decimal === ".") thousands = "'";
  return { decimal, thousands };
}
