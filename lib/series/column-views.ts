import type { DatasetColumnView } from "@/lib/contracts/dataset-view";
import type { Frame } from "./frame";

/** The frame's columns as a dataset lists them: name, and unit only where there is one. */
export function columnViews(frame: Frame): DatasetColumnView[] {
  return frame.columns.map((column) => (column.unit ? { name: column.name, unit: column.unit } : { name: column.name }));
}
