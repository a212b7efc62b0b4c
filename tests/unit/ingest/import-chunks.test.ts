import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HEAD_BYTES, importChunks } from "@/lib/ingest/import-chunks";
import { IngestError } from "@/lib/ingest/ingest-error";
import type { ImportOptions } from "@/lib/ingest/import-options";
import { exportText, localRows, type LocalRow } from "./local-export";
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

describe("importChunks: the zone of naive times", () => {
  const QUARTER = 15 * 60_000;
  const HOUR = 60 * 60_000;
  const DAY = 24 * HOUR;
  /** Two days around each of Berlin's changes of 2024, as a logger with a Berlin clock writes them. */
  const berlinRows = [
    ...localRows("Europe/Berlin", Date.UTC(2024, 2, 30), Date.UTC(2024, 3, 1), QUARTER),
    ...localRows("Europe/Berlin", Date.UTC(2024, 9, 26), Date.UTC(2024, 9, 28), QUARTER),
  ];
  const utcOf = (rows: readonly LocalRow[]) => rows.map((row) => iso(row.utc));

  it("reads a Berlin export across both changes with no options: the right instants, no duplicates, the fingerprint as reason", async () => {
    const { frame, report } = await importBytes(encode(exportText(berlinRows)));
    expect(Array.from(frame.time, iso)).toEqual(utcOf(berlinRows));
    expect(report.zone).toEqual({
      zone: "Europe/Berlin",
      source: "dst-fingerprint",
      evidence: "gap 2024-03-31 02:00–02:59, repeat 2024-10-27 02:00–02:59",
      fingerprint: { zone: "Europe/Berlin", family: "central-european", gaps: ["2024-03-31 02:00–02:59"], repeats: ["2024-10-27 02:00–02:59"] },
    });
    expect(report.warnings).toEqual([]);
    expect(report.rowsSkipped).toBe(0);
  });

  it("reads a descending (newest first) Berlin export the same way", async () => {
    const { frame, report } = await importBytes(encode(exportText([...berlinRows].reverse())));
    expect(Array.from(frame.time, iso)).toEqual(utcOf(berlinRows));
    expect(Array.from(frame.columns[0].values)).toEqual(berlinRows.map((_, i) => berlinRows.length - 1 - i));
    expect(report.warnings).toEqual([]);
    expect(report.repeatedLocalTimes).toBe(8);
  });

  it("reads blocks of ascending days in descending order (each day's repeated hour in its own direction)", async () => {
    const days = [0, 1, 2, 3].map((d) => berlinRows.filter((row) => row.utc >= Date.UTC(2024, 9, 26) + d * DAY - 2 * HOUR && row.utc < Date.UTC(2024, 9, 26) + (d + 1) * DAY - 2 * HOUR));
    const blocks = [...days].reverse().flat();
    const { frame, report } = await importBytes(encode(exportText(blocks)), { timezone: "Europe/Berlin" });
    expect(Array.from(frame.time, iso)).toEqual(utcOf(days.flat()));
    expect(report.warnings).toEqual([]);
  });

  it("reads a US Eastern export (the US rule, hourly) with New York as the family's representative, or the user's US zone", async () => {
    const rows = [...localRows("America/New_York", Date.UTC(2024, 2, 9), Date.UTC(2024, 2, 12), HOUR, "iso"), ...localRows("America/New_York", Date.UTC(2024, 10, 2), Date.UTC(2024, 10, 5), HOUR, "iso")];
    const text = exportText(rows, "time;value").replaceAll(";", ",");
    const { frame, report } = await importBytes(encode(text));
    expect(Array.from(frame.time, iso)).toEqual(utcOf(rows));
    expect(report.zone).toMatchObject({ zone: "America/New_York", source: "dst-fingerprint", fingerprint: { family: "north-american", repeats: ["2024-11-03 01:00–01:59"] } });
    const chicago = await importBytes(encode(text), { userZone: "America/Chicago" });
    expect(chicago.report.zone).toMatchObject({ zone: "America/Chicago", source: "dst-fingerprint" });
    expect(chicago.frame.time[0] - frame.time[0]).toBe(HOUR);
  });

  it("finds the changes in the whole file when the head shows none (a year, hourly): the import runs again in that zone", async () => {
    const rows = localRows("Europe/Berlin", Date.UTC(2024, 3, 5), Date.UTC(2025, 3, 5), HOUR);
    const text = exportText(rows);
    expect(text.length).toBeGreaterThan(2 * HEAD_BYTES);
    const { frame, layout, report } = await importBytes(encode(text), {}, 64 * 1024);
    expect(Array.from(frame.time, iso)).toEqual(utcOf(rows));
    expect(layout.zone).toMatchObject({ zone: "Europe/Berlin", source: "dst-fingerprint" });
    expect(report.zone?.evidence).toBe("gap 2025-03-30 02:00–02:59, repeat 2024-10-27 02:00–02:59");
    // The user's zone with the same changes is kept, now with the fingerprint as its reason.
    const vienna = await importBytes(encode(text), { userZone: "Europe/Vienna" });
    expect(vienna.report.zone).toMatchObject({ zone: "Europe/Vienna", source: "dst-fingerprint" });
    expect(vienna.layout.zone).toMatchObject({ zone: "Europe/Vienna", source: "user-zone" });
    expect(Array.from(vienna.frame.time)).toEqual(Array.from(frame.time));
  });

  it("reads the zone a metadata line states, over the user's zone", async () => {
    const text = "# Logger 7\n# Time zone: UTC\nZeit;Wert\n01.07.2024 12:00;1\n01.07.2024 12:15;2\n";
    const { frame, report } = await importBytes(encode(text), { userZone: "Europe/Berlin" });
    expect(Array.from(frame.time, iso)).toEqual(["2024-07-01T12:00:00.000Z", "2024-07-01T12:15:00.000Z"]);
    expect(report.zone).toEqual({ zone: "UTC", source: "file-metadata", evidence: "# Time zone: UTC", fingerprint: null });
  });

  it("reads each row's zone from a tz_cd column (USGS), so the repeated hour is told apart by its code", async () => {
    const text = [
      "agency_cd\tsite_no\tdatetime\ttz_cd\t00060\t00060_cd",
      "USGS\t01646500\t2024-11-03 00:45\tEDT\t10\tP",
      "USGS\t01646500\t2024-11-03 01:30\tEDT\t11\tP",
      "USGS\t01646500\t2024-11-03 01:30\tEST\t12\tP",
      "USGS\t01646500\t2024-11-03 02:15\tEST\t13\tP",
    ].join("\n");
    const { frame, layout, report } = await importBytes(encode(text), { userZone: "Europe/Berlin" });
    expect(Array.from(frame.time, iso)).toEqual(["2024-11-03T04:45:00.000Z", "2024-11-03T05:30:00.000Z", "2024-11-03T06:30:00.000Z", "2024-11-03T07:15:00.000Z"]);
    expect(layout.zoneColumn).toBe(3);
    expect(frame.columns.map((column) => column.name)).toEqual(["site_no", "00060"]);
    expect(report.zone).toEqual({ zone: "America/New_York", source: "file-column", evidence: "tz_cd: EDT, EST", fingerprint: null });
  });

  it("warns when the data shows another zone's changes than the one given", async () => {
    const { frame, report } = await importBytes(encode(exportText(berlinRows)), { timezone: "UTC" });
    expect(iso(frame.time[0])).toBe("2024-03-30T01:00:00.000Z");
    expect(report.zone).toMatchObject({ zone: "UTC", source: "option" });
    expect(report.warnings).toEqual([
      { kind: "zone-contradiction", zone: "UTC", fingerprint: { zone: "Europe/Berlin", family: "central-european", gaps: ["2024-03-31 02:00–02:59"], repeats: ["2024-10-27 02:00–02:59"] } },
      { kind: "duplicate-timestamps", count: 4, first: Date.UTC(2024, 9, 27, 2) },
    ]);
  });
});
