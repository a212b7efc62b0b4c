import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectLayout } from "@/lib/ingest/detect-layout";
import { IngestError } from "@/lib/ingest/ingest-error";
import type { ImportOptions } from "@/lib/ingest/import-options";
import type { IngestLimits } from "@/lib/ingest/ingest-limits";
import { RestartImport } from "@/lib/ingest/restart-import";
import { StreamingImporter } from "@/lib/ingest/streaming-importer";

const encode = (text: string) => new TextEncoder().encode(text);
const iso = (ms: number) => new Date(ms).toISOString();

function run(text: string, options: ImportOptions = {}, chunkSize = Infinity, limits?: Partial<IngestLimits>) {
  const layout = detectLayout(text, { complete: true, options });
  const progress: Array<{ bytes: number; rows: number }> = [];
  const importer = new StreamingImporter(layout, { onProgress: (p) => progress.push(p), limits });
  const bytes = encode(text);
  for (let i = 0; i < bytes.length; i += Math.min(chunkSize, bytes.length)) importer.push(bytes.subarray(i, i + chunkSize));
  return { ...importer.finish(), progress, layout };
}

describe("StreamingImporter", () => {
  it("parses into sorted Float64Array columns with units", () => {
    const { frame, report } = run("t;P;Q\n;kW;kW\n2024-01-01 01:00;1,5;2\n2024-01-01 00:00;3;\n");
    expect(Array.from(frame.time, iso)).toEqual(["2024-01-01T00:00:00.000Z", "2024-01-01T01:00:00.000Z"]);
    expect(frame.columns.map((c) => [c.name, c.unit, Array.from(c.values)])).toEqual([
      ["P", "kW", [3, 1.5]],
      ["Q", "kW", [NaN, 2]],
    ]);
    expect(frame.time).toBeInstanceOf(Float64Array);
    expect(report).toMatchObject({ rowsRead: 2, rowsImported: 2, rowsSkipped: 0 });
  });

  it("keeps equal timestamps in file order (stable sort)", () => {
    const { frame } = run("t,v\n2024-01-02,1\n2024-01-01,2\n2024-01-02,3\n2024-01-01,4\n");
    expect(Array.from(frame.columns[0].values)).toEqual([2, 4, 1, 3]);
  });

  it("interprets naive times in the zone: spring gap skipped with its line, autumn repeat by order", () => {
    const text = [
      "Zeit;Wert",
      "31.03.2024 01:45:00;1",
      "31.03.2024 02:15:00;2",
      "31.03.2024 03:00:00;3",
      "27.10.2024 02:30:00;4",
      "27.10.2024 02:30:00;5",
      "27.10.2024 03:00:00;6",
    ].join("\n");
    const { frame, report } = run(text, { timezone: "Europe/Berlin" });
    expect(Array.from(frame.time, iso)).toEqual([
      "2024-03-31T00:45:00.000Z",
      "2024-03-31T01:00:00.000Z",
      "2024-10-27T00:30:00.000Z",
      "2024-10-27T01:30:00.000Z",
      "2024-10-27T02:00:00.000Z",
    ]);
    expect(report.skipped).toEqual([{ reason: "nonexistent local time", count: 1, examples: [{ line: 3, text: "31.03.2024 02:15:00;2" }] }]);
    expect(report.repeatedLocalTimes).toBe(2);
  });

  it("treats naive times as UTC without a zone and respects explicit offsets with one", () => {
    expect(Array.from(run("t,v\n2024-07-01 12:00,1\n").frame.time, iso)).toEqual(["2024-07-01T12:00:00.000Z"]);
    const { frame } = run("t,v\n2024-07-01T12:00:00+02:00,1\n2024-07-01T12:00:00Z,2\n", { timezone: "America/New_York" });
    expect(Array.from(frame.time, iso)).toEqual(["2024-07-01T10:00:00.000Z", "2024-07-01T12:00:00.000Z"]);
  });

  it("reports unparseable times, wrong field counts and comment lines with 1-based line numbers", () => {
    const text = "t;v\n2024-01-01;1\nkaputt;2\n# note\n2024-01-02\n2024-01-03;3;x;y\n2024-01-04;4\n";
    const { report } = run(text);
    expect(report.rowsRead).toBe(6);
    // A short row (line 5) is imported with its absent values missing, as pandas does.
    expect(report.rowsImported).toBe(3);
    expect(report.skipped).toEqual([
      { reason: "unparseable time", count: 1, examples: [{ line: 3, text: "kaputt;2" }] },
      { reason: "comment line", count: 1, examples: [{ line: 4, text: "# note" }] },
      { reason: "wrong field count", count: 1, examples: [{ line: 6, text: "2024-01-03;3;x;y" }] },
    ]);
  });

  it("makes missing tokens and sentinels missing, counts text cells, leaves out columns without numbers", () => {
    const text = "t,a,b,station,eor\n2024-01-01,NaN,-999.0,Berlin,eor\n2024-01-02,n/a,1,Berlin,eor\n2024-01-03,kaputt,-999,Berlin,eor\n2024-01-04,2,3,Berlin,eor\n";
    const { frame, report } = run(text, { missing: ["-999"] });
    expect(frame.columns.map((c) => [c.name, Array.from(c.values)])).toEqual([
      ["a", [NaN, NaN, NaN, 2]],
      ["b", [NaN, 1, NaN, 3]],
    ]);
    expect(report.textCells).toEqual([{ column: "a", count: 1, examples: [{ line: 4, text: "kaputt" }] }]);
    expect(report.droppedColumns).toEqual(["station", "eor"]);
  });

  it("counts blank lines, handles CRLF, quotes and a trailing delimiter", () => {
    const { frame, report } = run('t;v;\r\n\r\n"2024-01-01";"1,5";\r\n2024-01-02;2;\r\n\r\n');
    expect(Array.from(frame.columns[0].values)).toEqual([1.5, 2]);
    expect(report.blankLines).toBe(2);
  });

  it("gives the same frame and report whatever the chunk size", () => {
    const text =
      't;v;w\n# c\n2024-01-01 00:00;1,5;"a;b"\n\n2024-01-01 00:01;x;"2"\r\n2024-01-01 00:02;3;4\n2024-01-01 00:03;5;"line\r\nbreak"\r2024-01-01 00:04;"7";8\n2024-01-01 00:05;5;6';
    const whole = run(text);
    expect(whole.report).toMatchObject({ rowsRead: 7, rowsImported: 6, skipped: [{ reason: "comment line", count: 1 }] });
    expect(whole.frame.columns.map((c) => c.name)).toEqual(["v", "w"]);
    expect(Array.from(whole.frame.columns[0].values)).toEqual([1.5, NaN, 3, 5, 7, 5]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (size) => {
        const chunked = run(text, {}, size);
        expect(chunked.frame).toEqual(whole.frame);
        expect(chunked.report).toEqual(whole.report);
      }),
      { numRuns: 40 },
    );
  });

  it("reports progress in bytes and rows", () => {
    const text = "t,v\n2024-01-01,1\n2024-01-02,2\n";
    const { progress } = run(text, {}, 10);
    expect(progress.at(-1)).toEqual({ bytes: text.length, rows: 2 });
    expect(progress.length).toBeGreaterThan(2);
  });

  it("asks for a restart when a later date settles the day/month order the head left open", () => {
    const head = "d,v\n01/02/2024,1\n";
    const layout = detectLayout(head, { complete: false });
    expect(layout.time.ambiguity).not.toBeNull();
    const importer = new StreamingImporter(layout);
    expect(() => importer.push(encode(head + "02/13/2024,2\n"))).toThrow(RestartImport);
  });

  it("enforces the row and line-length limits with clear messages", () => {
    expect(() => run("t,v\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n", {}, Infinity, { maxRows: 2 })).toThrow(/more than 2 rows/);
    expect(() => run(`t,v\n2024-01-01,${"1".repeat(200)}\n2024-01-02,2\n`, {}, 16, { maxLineLength: 100 })).toThrow(/longer than 100 characters/);
  });

  it("fails clearly when nothing can be imported", () => {
    const layout = detectLayout("t,v\n2024-01-01,1\n2024-01-02,2\n", { complete: true });
    const headerOnly = new StreamingImporter(layout);
    headerOnly.push(encode("t,v\n"));
    expect(() => headerOnly.finish()).toThrow(/header but no data rows/);
    const noNumbers = new StreamingImporter(layout);
    noNumbers.push(encode("t,v\n2024-01-01,x\n"));
    expect(() => noNumbers.finish()).toThrow(/no value column holds numbers/);
    const noTimes = new StreamingImporter(layout);
    noTimes.push(encode("t,v\nx,1\n"));
    expect(() => noTimes.finish()).toThrow(IngestError);
  });
});

describe("StreamingImporter with time evidence", () => {
  it("reads a newest-first epoch column (no flag needed) and epoch microseconds", () => {
    const { frame } = run("ts,v\n1704074400,3\n1704070800,2\n1704067200,1\n");
    expect(Array.from(frame.time, iso)).toEqual(["2024-01-01T00:00:00.000Z", "2024-01-01T01:00:00.000Z", "2024-01-01T02:00:00.000Z"]);
    expect(Array.from(frame.columns[0].values)).toEqual([1, 2, 3]);
    const micros = run("t,v\n1704067200000000,1\n1704067200500000,2\n");
    expect(Array.from(micros.frame.time)).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1) + 500]);
    const given = run("v,stamp\n5,1704067200000\n6,1704067260000\n", { timeFormat: "epoch-ms" });
    expect(given.layout.time).toMatchObject({ kind: "epochMillis", columns: [1] });
  });

  it("names time metadata and the date-order decision in the report", () => {
    const text = [
      "unix,date,xl,P",
      "1704153600,01/02/2024 12:00:00 AM,45293,1",
      "1704155820,01/02/2024 12:37:00 AM,45293.02569444,2",
      "1704158040,01/02/2024 1:14:00 AM,45293.05138889,3",
      "1704240180,01/03/2024 12:03:00 AM,45294.00208333,4",
      "",
    ].join("\n");
    const { frame, report } = run(text);
    expect(frame.columns.map((column) => column.name)).toEqual(["P"]);
    expect(report.timeMetadata).toEqual([
      { column: "unix", reason: "epoch time" },
      { column: "xl", reason: "Excel serial date" },
    ]);
    expect(report.dateOrder).toEqual({ format: "%m/%d/%Y %I:%M:%S %p", decidedBy: "data" });
    expect(frame.time[0]).toBe(Date.UTC(2024, 0, 2));
  });
});
