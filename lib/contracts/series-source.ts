import type { DatasetColumnView } from "./dataset-view";

/** A dataset offered as a source of series on the analyses pages, with what its analysis detected. */
export interface SeriesSource {
  id: string;
  name: string;
  rowCount: number;
  columns: DatasetColumnView[];
  /** UTC ms of the first and last row; null for an empty dataset. */
  start: number | null;
  end: number | null;
  stepMinutes: number | null;
  offsetMinutes: number | null;
}
