/**
 * The columnar in-memory form of a dataset: one time axis (UTC epoch milliseconds,
 * ascending) and named numeric columns of the same length, NaN meaning missing.
 */
export interface Column {
  name: string;
  unit?: string;
  values: Float64Array;
}

export interface Frame {
  time: Float64Array;
  columns: Column[];
}

export function findColumn(frame: Frame, name: string): Column | undefined {
  return frame.columns.find((column) => column.name === name);
}
