import { IngestError } from "./ingest-error";

/** Position of a column given by name (exact, then case-insensitive) or by 0-based position. */
export function resolveColumn(ref: string | number, names: readonly string[]): number {
  if (typeof ref === "number") {
    if (ref >= names.length) throw new IngestError(`there is no column ${ref} (the file has ${names.length} columns, counted from 0)`);
    return ref;
  }
  const wanted = ref.trim();
  let index = names.indexOf(wanted);
  if (index === -1) index = names.findIndex((name) => name.toLowerCase() === wanted.toLowerCase());
  if (index === -1) throw new IngestError(`there is no column named '${wanted}'; the columns are ${names.map((name) => `'${name}'`).join(", ")}`);
  return index;
}
