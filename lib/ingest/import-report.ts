import type { DstFingerprint, ZoneChoice } from "@/lib/contracts/zone-choice";
import type { DateOrderBasis } from "./decide-date-order";
import type { TimeMetadataReason } from "./detect-time-metadata";
import { FAMILY_NAMES } from "./dst-fingerprint";
import { fingerprintEvidence } from "./infer-zone";

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

/** Something the user should check although every row was read. */
export type ImportWarning =
  /** The data shows the DST changes of another zone than the one its naive times were read in. */
  | { kind: "zone-contradiction"; zone: string; fingerprint: DstFingerprint }
  /** Rows that share a timestamp after the import (UTC ms of the first). */
  | { kind: "duplicate-timestamps"; count: number; first: number };

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
  /** The zone naive times were read in and why (null for epoch values and values with offsets). */
  zone: ZoneChoice | null;
  warnings: ImportWarning[];
  /** Time-like columns left out of the values (a period end, an epoch beside the time, zone codes); absent in reports made before. */
  timeMetadata?: Array<{ column: string; reason: TimeMetadataReason }>;
  /** The timestamps' format and what decided its day/month order, when it has both; absent in reports made before. */
  dateOrder?: { format: string; decidedBy: DateOrderBasis };
}

export const MAX_EXAMPLES = 5;

/** One English sentence per warning, for logs and the CLI. */
export function describeWarning(warning: ImportWarning): string {
  if (warning.kind === "duplicate-timestamps") {
    return `${warning.count} rows repeat the timestamp of the row before (first at ${new Date(warning.first).toISOString()})`;
  }
  const family = warning.fingerprint.family ? FAMILY_NAMES[warning.fingerprint.family] : warning.fingerprint.zone;
  return `the data shows the DST pattern of ${family} (${fingerprintEvidence(warning.fingerprint)}) but its times were read in ${warning.zone}`;
}

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
  for (const warning of report.warnings) parts.push(`warning: ${describeWarning(warning)}`);
  return parts.join("; ");
}
