import type { DateOrderBasis } from "./decide-date-order";
import type { TimeMetadataReason } from "./detect-time-metadata";

export type SkipReason = "unparseable time" | "nonexistent local time" | "wrong field count" | "comment line";

export interface LineExample {
  /** 1-based physical line number in the file. */
  line: number;
  text: string;
}

export interface SkippedRows {
  reason: SkipReason;
  count: number;
  examples: LineExample[];
}

export interface TextCells {
  column: string;
  count: number;
  examples: LineExample[];
}

/** What happened to every row and column of an import; nothing is dropped without a line here. */
export interface ImportReport {
  /** Data rows seen (after header, units and skipped lines; blank lines are not rows). */
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
  skipped: SkippedRows[];
  /** Cells of value columns that held text instead of a number: imported as missing. */
  textCells: TextCells[];
  /** Columns left out because they hold no numbers at all. */
  droppedColumns: string[];
  /** Wall-clock times of an autumn repeated hour, resolved by their order. */
  repeatedLocalTimes: number;
  blankLines: number;
  /** Time-like columns left out of the values (a period end, an epoch beside the time, zone codes); absent in reports made before. */
  timeMetadata?: Array<{ column: string; reason: TimeMetadataReason }>;
  /** The timestamps' format and what decided its day/month order, when it has both; absent in reports made before. */
  dateOrder?: { format: string; decidedBy: DateOrderBasis };
}

export const MAX_EXAMPLES = 5;

/** One line summary of a report for logs and the CLI. */
export function summariseReport(report: ImportReport): string {
  const skipped = report.skipped.map((group) => `${group.count} ${group.reason} (first at line ${group.examples[0]?.line ?? "?"})`).join(", ");
  const text = report.textCells.reduce((sum, cells) => sum + cells.count, 0);
  const parts = [`${report.rowsImported} of ${report.rowsRead} rows imported`];
  if (report.rowsSkipped > 0) parts.push(`${report.rowsSkipped} skipped: ${skipped}`);
  if (text > 0) parts.push(`${text} text cells read as missing (${report.textCells.map((cells) => `${cells.column}: ${cells.count}`).join(", ")})`);
  if (report.droppedColumns.length > 0) parts.push(`columns without numbers left out: ${report.droppedColumns.join(", ")}`);
  if (report.timeMetadata?.length) parts.push(`time-like columns left out: ${report.timeMetadata.map((column) => `${column.column} (${column.reason})`).join(", ")}`);
  // Only a detected order is news to the user; a given one is their own choice.
  if (report.dateOrder && report.dateOrder.decidedBy !== "unambiguous" && report.dateOrder.decidedBy !== "given") parts.push(`dates read as ${report.dateOrder.format} (day/month order by ${report.dateOrder.decidedBy})`);
  if (report.repeatedLocalTimes > 0) parts.push(`${report.repeatedLocalTimes} repeated autumn local times resolved by order`);
  return parts.join("; ");
}
