import type { Frame } from "@/lib/series/frame";

/** Per column of `after`: the points a recipe removed (with their old value) and filled in (with their new value). */
export interface ColumnChanges {
  name: string;
  removed: [number, number][];
  filled: [number, number][];
}

/**
 * Compares two frames sorted by time, row by row where their timestamps are equal (equal
 * timestamps pair up in order): a value present before and missing after was removed, a
 * value missing before and present after was filled, and a value replaced by another was
 * both (its old value removed, its new one filled in). Rows only one side has (cropped,
 * shifted, resampled) are not changes of a value and are left out.
 */
export function changedPoints(before: Frame, after: Frame): ColumnChanges[] {
  return after.columns.map((column) => {
    const changes: ColumnChanges = { name: column.name, removed: [], filled: [] };
    const old = before.columns.find((candidate) => candidate.name === column.name);
    if (!old) return changes;
    const a = before.time;
    const b = after.time;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else {
        const was = old.values[i];
        const now = column.values[j];
        const wasPresent = was === was;
        const isPresent = now === now;
        // A value replaced by another (removed, then filled again) counts as both.
        if (wasPresent && (!isPresent || now !== was)) changes.removed.push([a[i], was]);
        if (isPresent && (!wasPresent || now !== was)) changes.filled.push([b[j], now]);
        i++;
        j++;
      }
    }
    return changes;
  });
}
