import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAD_BYTES, importChunks } from "@/lib/ingest/import-chunks";
import { IngestError } from "@/lib/ingest/ingest-error";
import type { ImportOptions } from "@/lib/ingest/import-options";
import { expectedMs, ORIGINAL_FORMATS, strftime, type WallClock } from "./strftime";

function chunked(bytes: Uint8Array, size: number) {
  return async function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };
}

const encode = (text: string) => new TextEncoder().encode(text);
const iso = (ms: number) => new Date(ms).toISOString();
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), littleEndian);
  return bytes;
}

/** Many rows, so that the interesting part comes after the head used for detection. */
function longGermanFile(tail: string, rows = 4000): string {
  const lines = ["Zeit;Wert"];
  for (let i = 0; i < rows; i++) lines.push(`0${1 + (i % 9)}.01.2024 ${String(i % 24).padStart(2, "0")}:00:00;${i},5`);
  return lines.join("\n") + "\n" + tail;
}

async function importBytes(bytes: Uint8Array, options: ImportOptions = {}, size = 1 << 20) {
  return importChunks(chunked(bytes, size), { options });
}

describe("importChunks", () => {
  it("reads Latin-1 (Windows-1252) umlauts and units", async () => {
    const { frame, layout } = await importBytes(latin1("Zeit;Außentemperatur\n;°C\n01.01.2024 00:00;1,5\n"));
    expect(layout.encoding).toBe("windows-1252");
    expect(frame.columns[0]).toMatchObject({ name: "Außentemperatur", unit: "°C" });
  });

  it("reads UTF-16 LE and BE with BOM", async () => {
    for (const littleEndian of [true, false]) {
      const { frame, layout } = await importBytes(utf16("Zeit;Wärme\n01.01.2024 00:00;1,5\n", littleEndian), {}, 7);
      expect(layout.encoding).toBe(littleEndian ? "utf-16le" : "utf-16be");
      expect(frame.columns[0].name).toBe("Wärme");
      expect(Array.from(frame.columns[0].values)).toEqual([1.5]);
    }
  });

  it("reads UTF-8 with BOM and a multi-byte character split across chunks", async () => {
    const bytes = encode("\uFEFFZeit;Wärme °C\n01.01.2024 00:00;1,5\n");
    for (let size = 1; size < 12; size++) {
      const { frame } = await importBytes(bytes, {}, size);
      expect(frame.columns[0].name).toBe("Wärme °C");
    }
  });

  it("reads a longer head for very wide files, so that detection sees enough lines", async () => {
    const columns = 1500;
    const header = ["time", ...Array.from({ length: columns }, (_, c) => `sensor_${c}`)].join(";");
    const rows = Array.from({ length: 30 }, (_, r) => [`2024-01-${String(r + 1).padStart(2, "0")} 00:00`, ...Array.from({ length: columns }, (_, c) => `${r},${c}`)].join(";"));
    const bytes = encode([header, ...rows].join("\n") + "\n");
    expect(bytes.length / 31).toBeGreaterThan(HEAD_BYTES / 8);
    const { frame, layout } = await importBytes(bytes, {}, 16 * 1024);
    expect(layout.headerRow).toBe(true);
    expect(frame.columns).toHaveLength(columns);
    expect(frame.columns[1499].values[29]).toBe(29.1499);
  });

  it("starts over as Windows-1252 when invalid UTF-8 appears after the head", async () => {
    const text = longGermanFile("10.01.2024 00:00:00;7,5\n");
    const head = encode(text);
    expect(head.length).toBeGreaterThan(HEAD_BYTES);
    const bytes = new Uint8Array([...head, ...latin1("11.01.2024 00:00:00;St\xf6rung\n")]);
    const { layout, report, frame } = await importBytes(bytes, {}, 4096);
    expect(layout.encoding).toBe("windows-1252");
    expect(report.rowsImported).toBe(4002);
    expect(report.textCells[0].examples[0].text).toBe("Störung");
    expect(frame.time.length).toBe(4002);
  });

  it("starts over month first when a date after the head settles an ambiguous order", async () => {
    const text = longGermanFile("").replace(/(\d\d)\.(\d\d)\.2024/g, "$1/$2/2024") + "01/13/2024 05:00:00;1,5\n";
    const { layout, report, frame } = await importBytes(encode(text), {}, 8192);
    expect(layout.time.format).toBe("%m/%d/%Y %H:%M:%S");
    expect(report.rowsImported).toBe(4001);
    const stamps = Array.from(frame.time, iso);
    expect(stamps).toContain("2024-01-13T05:00:00.000Z");
    // "02/01/2024 01:00:00", the second data row, is now the 1st of February.
    expect(stamps).toContain("2024-02-01T01:00:00.000Z");
    expect(stamps).not.toContain("2024-01-02T01:00:00.000Z");
  });

  it("imports random well-formed exports exactly, whatever the chunking", async () => {
    const row = fc.record({
      minute: fc.integer({ min: 0, max: 500_000 }),
      value: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), fc.constantFrom(";", ",", "\t"), fc.integer({ min: 1, max: 64 }), async (rows, delimiter, size) => {
        const decimal = delimiter === ";" ? "," : ".";
        const lines = rows.map(({ minute, value }) => {
          const stamp = new Date(Date.UTC(2024, 0, 1) + minute * 60_000).toISOString().slice(0, 19).replace("T", " ");
          return `${stamp}${delimiter}${value === undefined ? "" : String(value).replace(".", decimal)}`;
        });
        const bytes = encode(`time${delimiter}value\n${lines.join("\n")}\n`);
        if (rows.every((r) => r.value === undefined)) {
          await expect(importBytes(bytes, { decimal }, size)).rejects.toThrow(/no value column holds numbers/);
          return;
        }
        const { frame } = await importBytes(bytes, { decimal }, size);
        const expected = rows
          .map((r, i) => ({ t: Date.UTC(2024, 0, 1) + r.minute * 60_000, v: r.value === undefined ? NaN : Number(String(r.value)), i }))
          .sort((a, b) => a.t - b.t || a.i - b.i);
        expect(Array.from(frame.time)).toEqual(expected.map((e) => e.t));
        expect(Array.from(frame.columns[0].values)).toEqual(expected.map((e) => e.v));
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it("either imports or fails with an IngestError on random and mutated input, never anything else", async () => {
    const base = encode("Datum;Uhrzeit;Wert;Text\n;;kW;\n01.01.2024;00:00;1,5;\"a;b\"\n01.01.2024;00:15;2,5;x\n01.01.2024;00:30;;y\n");
    const mutation = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), kind: fc.constantFrom("replace", "insert", "delete") });
    const mutated = fc.array(mutation, { minLength: 1, maxLength: 8 }).map((mutations) => {
      const bytes = Array.from(base);
      for (const { at, byte, kind } of mutations) {
        const index = at % (bytes.length + 1);
        if (kind === "replace") bytes[Math.min(index, bytes.length - 1)] = byte;
        else if (kind === "insert") bytes.splice(index, 0, byte);
        else bytes.splice(index, 1);
      }
      return Uint8Array.from(bytes);
    });
    const random = fc.uint8Array({ maxLength: 300 });
    const textual = fc.stringMatching(/^[0-9a-z;,.:\-/ \t"\n]{0,200}$/).map(encode);
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, random, textual), fc.integer({ min: 1, max: 50 }), async (bytes, size) => {
        try {
          const { frame, report } = await importBytes(bytes, {}, size);
          expect(frame.time.length).toBe(report.rowsImported);
          for (const column of frame.columns) expect(column.values.length).toBe(frame.time.length);
        } catch (error) {
          expect(error).toBeInstanceOf(IngestError);
          expect((error as Error).message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 400, interruptAfterTimeLimit: 20_000 },
    );
  }, 60_000);

  it("detects random export layouts without hints: delimiter, decimal mark, metadata, header, units, format", async () => {
    const STAMP_FORMATS = [...ORIGINAL_FORMATS.filter((format) => format.includes("%Y")), "%d-%b-%Y %H:%M", "%b %d %Y %I:%M %p"];
    const layout = fc.record({
      delimiter: fc.constantFrom(",", ";", "\t", "|"),
      commaDecimal: fc.boolean(),
      format: fc.constantFrom(...STAMP_FORMATS),
      metadata: fc.array(fc.constantFrom("# exported by logger", "Logger: AB-12", "Standort: Halle 3", ""), { maxLength: 3 }),
      units: fc.boolean(),
      crlf: fc.boolean(),
      trailingDelimiter: fc.boolean(),
      startDay: fc.integer({ min: 0, max: 300 }),
      minutes: fc.array(fc.integer({ min: 0, max: 1439 }), { minLength: 20, maxLength: 40 }),
      values: fc.array(fc.option(fc.integer({ min: -99999, max: 99999 }), { nil: undefined, freq: 10 }), { minLength: 40, maxLength: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(layout, async (l) => {
        const decimal = l.commaDecimal && l.delimiter !== "," ? "," : ".";
        const end = l.trailingDelimiter ? l.delimiter : "";
        const clocks: WallClock[] = l.minutes.map((minute, i) => {
          const date = new Date(Date.UTC(2024, 0, 1 + l.startDay + i, 0, minute, i % 60));
          return {
            year: date.getUTCFullYear(),
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
            hour: date.getUTCHours(),
            minute: date.getUTCMinutes(),
            second: date.getUTCSeconds(),
            microsecond: (i * 7919) % 1_000_000,
            offsetMinutes: 60,
          };
        });
        const value = (i: number) => (l.values[i] === undefined ? "" : (l.values[i]! / 100).toFixed(2).replace(".", decimal));
        const lines = [
          ...l.metadata,
          ["Zeitstempel", "Leistung P", "Temp"].join(l.delimiter) + end,
          ...(l.units ? [["", "kW", "°C"].join(l.delimiter) + end] : []),
          ...clocks.map((clock, i) => [strftime(l.format, clock), value(i), "20" + decimal + "5"].join(l.delimiter) + end),
        ];
        const text = lines.join(l.crlf ? "\r\n" : "\n") + "\n";
        const { frame, layout: detected } = await importBytes(encode(text), {}, 97);
        expect(detected.delimiter).toBe(l.delimiter);
        expect(frame.columns.map((c) => [c.name, c.unit])).toEqual([
          ["Leistung P", l.units ? "kW" : undefined],
          ["Temp", l.units ? "°C" : undefined],
        ]);
        expect(Array.from(frame.time)).toEqual(clocks.map((clock) => expectedMs(l.format.replace("%b", "%m"), clock, true)));
        expect(Array.from(frame.columns[0].values)).toEqual(l.values.slice(0, clocks.length).map((v) => (v === undefined ? NaN : Number((v / 100).toFixed(2)))));
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
