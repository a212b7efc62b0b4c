import type { ZoneChoice, ZoneSource } from "@/lib/contracts/zone-choice";
import { Float64Builder } from "@/lib/series/float64-builder";
import type { Column, Frame } from "@/lib/series/frame";
import { sortFrameByTime } from "@/lib/series/sort-frame";
import { createChunkDecoder, type ChunkDecoder } from "./chunk-decoder";
import type { CompiledDateTimeFormat } from "./compile-datetime-format";
import { DstFingerprintCollector } from "./dst-fingerprint";
import { epochMilliseconds, epochScale } from "./epoch-kind";
import { MAX_EXAMPLES, type ImportReport, type ImportWarning, type LineExample, type SkipReason } from "./import-report";
import { formatSize } from "./format-size";
import { compileCached } from "./infer-datetime-format";
import { fingerprintChoice } from "./infer-zone";
import { IngestError } from "./ingest-error";
import { resolveIngestLimits, type IngestLimits } from "./ingest-limits";
import type { Layout } from "./layout";
import { LocalTimeResolver } from "./local-time-resolver";
import { isMissingToken } from "./missing-tokens";
import { NumberReader } from "./parse-number";
import { RestartImport } from "./restart-import";
import { FieldBuffer, RecordScanner } from "./scan-record";
import { zoneCellOffset } from "./zone-hints";

export interface ImportProgress {
  bytes: number;
  rows: number;
}

export interface StreamingImporterOptions {
  limits?: Partial<IngestLimits>;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * False for a preview of the head: a zone choice the rows' DST changes would overrule is
   * kept instead of restarting the import (the whole file decides that when it is imported).
   */
  wholeFile?: boolean;
}

const HASH = 35;
const EXAMPLE_LENGTH = 120;
const MS_PER_MINUTE = 60_000;
/** Zone choices that nothing in the file stated, so the DST changes of the whole file may overrule them. */
const REFINABLE_SOURCES: ReadonlySet<ZoneSource> = new Set(["dst-fingerprint", "user-zone", "utc-default"]);

/**
 * Parses a whole file, chunk by chunk, into columns: bytes → streaming decode → records →
 * Float64Array columns, with no whole-file string and no row objects. Push the chunks in
 * order, then call finish(). Throws IngestError for bad input and RestartImport when the
 * stream contradicts a guess made on the head (the driver then starts over).
 */
export class StreamingImporter {
  private readonly layout: Layout;
  private readonly limits: IngestLimits;
  private readonly onProgress?: (progress: ImportProgress) => void;
  private readonly wholeFile: boolean;
  private readonly decoder: ChunkDecoder;
  private readonly fields = new FieldBuffer();
  private readonly scanner: RecordScanner;
  private readonly timeParser: CompiledDateTimeFormat | null;
  private readonly alternativeParser: CompiledDateTimeFormat | null;
  private readonly epochScale: number;
  private readonly resolver: LocalTimeResolver | null;
  private readonly fingerprint: DstFingerprintCollector | null;
  private readonly zoneColumn: number;
  private readonly offsetByZoneCell = new Map<string, number | null>();
  private readonly numbers: NumberReader;
  private readonly epochNumbers = new NumberReader(".", "");
  private readonly numericSentinels: Set<number>;
  private readonly textSentinels: Set<string>;
  private readonly valueColumns: Int32Array;
  private readonly time = new Float64Builder(1 << 16);
  private readonly values: Float64Builder[];
  private readonly numericCounts: Float64Array;
  private readonly textCounts: Float64Array;
  private readonly textExamples: LineExample[][];
  private readonly skipped = new Map<SkipReason, { count: number; examples: LineExample[] }>();
  private readonly minFields: number;

  private carry = "";
  private bytes = 0;
  private recordIndex = 0;
  private line = 1;
  private headerPending: boolean;
  private unitsPending: boolean;
  private rowsRead = 0;
  private blankLines = 0;
  private finished = false;

  constructor(layout: Layout, options: StreamingImporterOptions = {}) {
    this.layout = layout;
    this.limits = resolveIngestLimits(options.limits);
    this.onProgress = options.onProgress;
    this.wholeFile = options.wholeFile ?? true;
    this.decoder = createChunkDecoder(layout.encoding);
    this.scanner = new RecordScanner(layout.delimiter, layout.quote);
    const scale = epochScale(layout.time.kind);
    const isEpoch = scale !== null;
    this.timeParser = isEpoch ? null : compileCached(layout.time.format);
    const alternative = layout.time.ambiguity?.alternatives.find((format) => format !== layout.time.format);
    this.alternativeParser = alternative ? compileCached(alternative) : null;
    this.epochScale = scale ?? 1;
    this.resolver = layout.timezone && !isEpoch ? new LocalTimeResolver(layout.timezone) : null;
    this.fingerprint = layout.zone ? new DstFingerprintCollector([layout.zone.zone]) : null;
    this.zoneColumn = layout.zoneColumn ?? -1;
    this.numbers = new NumberReader(layout.decimal, layout.thousands);
    this.numericSentinels = new Set(
      layout.missing.map((token) => new NumberReader(layout.decimal, "").parse(token)).filter((value) => !Number.isNaN(value)),
    );
    this.textSentinels = new Set(layout.missing.map((token) => token.trim()));
    this.valueColumns = Int32Array.from(layout.valueColumns);
    this.values = layout.valueColumns.map(() => new Float64Builder(1 << 16));
    this.numericCounts = new Float64Array(layout.valueColumns.length);
    this.textCounts = new Float64Array(layout.valueColumns.length);
    this.textExamples = layout.valueColumns.map(() => []);
    this.minFields = Math.max(...layout.time.columns) + 1;
    this.headerPending = layout.headerRow;
    this.unitsPending = layout.unitsRow;
  }

  /** Parses the next chunk of the file's bytes. */
  push(bytes: Uint8Array): void {
    this.bytes += bytes.length;
    if (this.bytes > this.limits.maxBytes) throw new IngestError(`the file is larger than the limit of ${formatSize(this.limits.maxBytes)}`);
    this.processText(this.decoder.decode(bytes), false);
    this.onProgress?.({ bytes: this.bytes, rows: this.rowsRead });
  }

  /** Ends the stream: parses what is left, checks that something was imported, returns the sorted frame and the report. */
  finish(): { frame: Frame; report: ImportReport } {
    if (this.finished) throw new Error("StreamingImporter.finish called twice");
    this.finished = true;
    this.processText(this.decoder.end(), true);
    this.onProgress?.({ bytes: this.bytes, rows: this.rowsRead });
    if (this.rowsRead === 0) throw new IngestError("the file has a header but no data rows");
    const rowsImported = this.time.length;
    if (rowsImported === 0) {
      const [reason, group] = [...this.skipped.entries()][0];
      throw new IngestError(`no row could be imported: all ${this.rowsRead} rows were skipped (${reason}, e.g. line ${group.examples[0].line}: '${group.examples[0].text}')`);
    }
    const names = this.layout.valueColumns.map((c) => this.layout.columns[c]?.name ?? `column${c + 1}`);
    const columns: Column[] = [];
    const droppedColumns: string[] = [];
    this.values.forEach((builder, k) => {
      if (this.numericCounts[k] === 0) {
        droppedColumns.push(names[k]);
        return;
      }
      const unit = this.layout.columns[this.layout.valueColumns[k]]?.unit;
      columns.push(unit ? { name: names[k], unit, values: builder.build() } : { name: names[k], values: builder.build() });
    });
    if (columns.length === 0) throw new IngestError(`no value column holds numbers (${names.join(", ")})`);
    const { zone, warnings } = this.zoneOutcome();
    const frame = sortFrameByTime({ time: this.time.build(), columns });
    const duplicates = duplicateTimestamps(frame.time);
    if (duplicates) warnings.push(duplicates);
    const skipped = [...this.skipped.entries()].map(([reason, group]) => ({ reason, count: group.count, examples: group.examples }));
    const report: ImportReport = {
      rowsRead: this.rowsRead,
      rowsImported,
      rowsSkipped: this.rowsRead - rowsImported,
      skipped,
      textCells: names
        .map((column, k) => ({ column, count: this.textCounts[k], examples: this.textExamples[k] }))
        .filter((cells) => cells.count > 0 && !droppedColumns.includes(cells.column)),
      droppedColumns,
      repeatedLocalTimes: this.resolver?.ambiguousCount ?? 0,
      blankLines: this.blankLines,
      zone,
      warnings,
      timeMetadata: this.layout.timeMetadata.map((column) => ({ column: column.name, reason: column.reason })),
      ...(this.layout.time.dateOrderBy === "unambiguous" ? {} : { dateOrder: { format: this.layout.time.format, decidedBy: this.layout.time.dateOrderBy } }),
    };
    return { frame, report };
  }

  /**
   * The zone choice checked against the DST changes of the whole file: a choice nothing in
   * the file stated is made again from them (the import restarts when that changes the
   * zone; the user's zone with the same changes now has them as its reason); a stated or
   * given zone that the changes contradict stays, with a warning.
   */
  private zoneOutcome(): { zone: ZoneChoice | null; warnings: ImportWarning[] } {
    const chosen = this.layout.zone;
    const found = this.fingerprint?.result() ?? null;
    if (!chosen || !found || !this.fingerprint) return { zone: chosen, warnings: [] };
    if (this.fingerprint.sameChanges(found.zone, chosen.zone)) {
      return { zone: chosen.source === "user-zone" ? fingerprintChoice({ ...found, zone: chosen.zone }) : chosen, warnings: [] };
    }
    if (REFINABLE_SOURCES.has(chosen.source)) {
      if (!this.wholeFile) return { zone: chosen, warnings: [] };
      throw new RestartImport({}, `the whole file shows the DST changes of ${found.zone}`, fingerprintChoice(found));
    }
    return { zone: chosen, warnings: [{ kind: "zone-contradiction", zone: chosen.zone, fingerprint: found }] };
  }

  private processText(text: string, atEnd: boolean): void {
    let data = text;
    let from = 0;
    if (this.carry !== "") {
      // The record cut by the previous chunk is finished in a small string of its own, so
      // the big chunk is scanned as the flat string the decoder made (a concatenation would
      // be a rope, slow to read character by character).
      const lineEnd = text.indexOf("\n");
      const straddle = this.carry + (lineEnd === -1 ? text : text.slice(0, lineEnd + 1));
      const consumed = this.scan(straddle, 0, atEnd || lineEnd === -1 ? atEnd : false);
      if (consumed === straddle.length || lineEnd === -1) {
        this.keepCarry(straddle, consumed);
        if (lineEnd === -1) return;
        from = lineEnd + 1;
      } else {
        // The record spans lines (a quoted field with line breaks): continue in the joined
        // text, of which the straddle is a prefix, after what the straddle already gave.
        data = this.carry + text;
        void Number(data); // flattens the rope
        from = consumed;
      }
    }
    this.keepCarry(data, this.scan(data, from, atEnd));
  }

  /** Scans complete records of `data` from `pos`; returns where the incomplete rest starts. */
  private scan(data: string, pos: number, atEnd: boolean): number {
    const fields = this.fields;
    const maxLineLength = this.limits.maxLineLength;
    this.scanner.reset(data);
    while (pos < data.length) {
      const next = this.scanner.next(pos, fields, atEnd);
      if (next === -1) break;
      if (next - pos > maxLineLength) throw this.lineTooLong();
      this.record(data);
      this.line += 1 + fields.innerLineBreaks;
      pos = next;
    }
    return pos;
  }

  private keepCarry(data: string, consumed: number): void {
    this.carry = consumed >= data.length ? "" : data.slice(consumed);
    if (this.carry.length > this.limits.maxLineLength) throw this.lineTooLong();
  }

  private lineTooLong(): IngestError {
    return new IngestError(`line ${this.line} is longer than ${this.limits.maxLineLength} characters: is this a delimited text file?`);
  }

  private record(data: string): void {
    const fields = this.fields;
    if (this.recordIndex++ < this.layout.skipLines) return;
    if (fields.count > this.limits.maxColumns) throw new IngestError(`line ${this.line} has ${fields.count} fields; the limit is ${this.limits.maxColumns}`);
    if (fields.count === 1 && data.slice(fields.starts[0], fields.ends[0]).trim() === "" && fields.texts[0] === null) {
      this.blankLines++;
      return;
    }
    if (this.headerPending) {
      this.headerPending = false;
      return;
    }
    if (this.unitsPending) {
      this.unitsPending = false;
      return;
    }
    if (++this.rowsRead > this.limits.maxRows) throw new IngestError(`the file has more than ${this.limits.maxRows} rows, the limit`);
    if (data.charCodeAt(fields.starts[0]) === HASH && fields.texts[0] === null) return this.skip("comment line", data);
    if (fields.count < this.minFields || this.hasExtraFields(data)) return this.skip("wrong field count", data);
    let t = this.readTime(data);
    if (Number.isNaN(t)) return this.skip("unparseable time", data);
    if (this.timeParser !== null && !this.timeParser.lastHadOffset) {
      this.fingerprint?.add(t);
      const offset = this.zoneColumn >= 0 && this.zoneColumn < fields.count ? this.zoneCellOffset(fields.field(data, this.zoneColumn)) : null;
      if (offset !== null) t -= offset * MS_PER_MINUTE;
      else if (this.resolver !== null) {
        t = this.resolver.toUtc(t);
        if (Number.isNaN(t)) return this.skip("nonexistent local time", data);
      }
    }
    this.time.push(t);
    const count = fields.count;
    for (let k = 0; k < this.valueColumns.length; k++) {
      const c = this.valueColumns[k];
      if (c >= count) {
        this.values[k].push(NaN);
        continue;
      }
      const quoted = fields.texts[c];
      const value = quoted === null ? this.numbers.parse(data, fields.starts[c], fields.ends[c]) : this.numbers.parse(quoted);
      if (Number.isNaN(value)) {
        this.values[k].push(NaN);
        const text = (quoted ?? data.slice(fields.starts[c], fields.ends[c])).trim();
        if (!isMissingToken(text, this.textSentinels)) this.textCell(k, text);
      } else if (this.numericSentinels.size > 0 && this.numericSentinels.has(value)) {
        this.values[k].push(NaN);
      } else {
        this.numericCounts[k]++;
        this.values[k].push(value);
      }
    }
  }

  /** More fields than the data rows have, and not just empty trailing ones: a shifted or broken line. */
  private hasExtraFields(data: string): boolean {
    const fields = this.fields;
    for (let i = this.layout.fieldCount + 1; i < fields.count; i++) {
      if (fields.field(data, i).trim() !== "") return true;
    }
    return false;
  }

  private readTime(data: string): number {
    const fields = this.fields;
    const [first, second] = this.layout.time.columns;
    if (this.timeParser === null) {
      const seconds = fields.texts[first] === null ? this.epochNumbers.parse(data, fields.starts[first], fields.ends[first]) : this.epochNumbers.parse(fields.texts[first]!);
      return epochMilliseconds(seconds, this.epochScale);
    }
    const text = this.layout.time.kind === "dateTime" ? `${fields.field(data, first).trim()} ${fields.field(data, second).trim()}` : fields.texts[first];
    const t = text === null ? this.timeParser.parse(data, fields.starts[first], fields.ends[first]) : this.timeParser.parse(text);
    if (Number.isNaN(t) && this.alternativeParser !== null) {
      const cell = text ?? data.slice(fields.starts[first], fields.ends[first]);
      if (!Number.isNaN(this.alternativeParser.parse(cell))) {
        throw new RestartImport(
          { timeFormat: this.alternativeParser.format, timeColumns: this.layout.time.columns },
          `line ${this.line} ('${cell.trim()}') shows the dates are ${this.alternativeParser.format}`,
        );
      }
    }
    return t;
  }

  private zoneCellOffset(cell: string): number | null {
    let offset = this.offsetByZoneCell.get(cell);
    if (offset === undefined) {
      offset = zoneCellOffset(cell);
      this.offsetByZoneCell.set(cell, offset);
    }
    return offset;
  }

  private skip(reason: SkipReason, data: string): void {
    let group = this.skipped.get(reason);
    if (!group) {
      group = { count: 0, examples: [] };
      this.skipped.set(reason, group);
    }
    group.count++;
    if (group.examples.length < MAX_EXAMPLES) group.examples.push({ line: this.line, text: this.recordText(data) });
  }

  private textCell(k: number, text: string): void {
    this.textCounts[k]++;
    if (this.textExamples[k].length < MAX_EXAMPLES) this.textExamples[k].push({ line: this.line, text: text.slice(0, EXAMPLE_LENGTH) });
  }

  private recordText(data: string): string {
    const fields = this.fields;
    const parts: string[] = [];
    for (let i = 0; i < fields.count; i++) parts.push(fields.field(data, i));
    return parts.join(this.layout.delimiter).slice(0, EXAMPLE_LENGTH);
  }
}

/** Rows whose timestamp equals the one before, in a sorted time column, as a warning (null when none). */
function duplicateTimestamps(time: Float64Array): ImportWarning | null {
  let count = 0;
  let first = Number.NaN;
  for (let i = 1; i < time.length; i++) {
    if (time[i] !== time[i - 1]) continue;
    if (count++ === 0) first = time[i];
  }
  return count > 0 ? { kind: "duplicate-timestamps", count, first } : null;
}
