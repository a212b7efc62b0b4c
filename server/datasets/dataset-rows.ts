import "server-only";
import type { RowsPage } from "@/lib/contracts/dataset-view";
import type { Frame } from "@/lib/series/frame";
import { columnViews } from "@/lib/series/column-views";

/** Rows [offset, offset + limit) of the frame, missing values as null. */
export function rowsPage(frame: Frame, offset: number, limit: number): RowsPage {
  const total = frame.time.length;
  const from = Math.min(offset, total);
  const to = Math.min(total, from + limit);
  return {
    offset: from,
    limit,
    total,
    columns: columnViews(frame),
    time: Array.from(frame.time.subarray(from, to)),
    values: frame.columns.map((column) => Array.from(column.values.subarray(from, to), (v) => (v === v ? v : null))),
  };
}
