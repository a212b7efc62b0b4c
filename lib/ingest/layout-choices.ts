import type { ImportOptions } from "./import-options";
import type { Layout } from "./layout";

/**
 * A layout as explicit import choices: applied to another file, they read it exactly the way
 * this one was read, without depending on detection (saved profiles). Columns are referred
 * to by name when the file has a header, so a reordered export still maps correctly.
 */
export function layoutChoices(layout: Layout): ImportOptions {
  const nameOf = (index: number) => {
    const name = layout.headerRow ? layout.columns.find((column) => column.index === index)?.name : undefined;
    return name ? name : index;
  };
  return {
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    quote: layout.quote,
    decimal: layout.decimal,
    thousands: layout.thousands,
    skipLines: layout.skipLines,
    headerRow: layout.headerRow,
    unitsRow: layout.unitsRow,
    timeColumns: layout.time.columns.map(nameOf),
    timeKind: layout.time.kind,
    ...(layout.time.format ? { timeFormat: layout.time.format } : {}),
    ...(layout.timezone ? { timezone: layout.timezone } : {}),
    missing: layout.missing,
    valueColumns: layout.valueColumns.map(nameOf),
  };
}
