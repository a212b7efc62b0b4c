import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IngestError } from "@/lib/ingest/ingest-error";
import { ingestFile } from "@/server/ingest/ingest-file";
import { SAMPLES_DIR, sampleFields } from "../support/fixtures";

/** The real `ingest` command, as a child process, on the samples of tests/fixtures and on bad input; and ingestFile, which it calls. */

const repo = path.resolve(__dirname, "../..");
const MINUTE = 60_000;
let dir: string;

function ingest(...args: string[]) {
  const result = spawnSync(path.join(repo, "node_modules/.bin/tsx"), ["--conditions=react-server", path.join(repo, "server/cli/main.ts"), "ingest", ...args], {
    cwd: repo,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const file = (name: string) => path.join(dir, name);
const output = (name: string) => readFileSync(file(name), "utf8");

/** The normalised CSV text our CLI must write, built independently of the code under test. */
function normalised(header: string, rows: Array<{ time: number; values: string[] }>): string {
  const cell = (text: string) => (text === "" ? "" : String(Number(text.replace(",", "."))));
  return header + "\n" + rows.map((row) => [new Date(row.time).toISOString(), ...row.values.map(cell)].join(",") + "\n").join("");
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "cli-ingest-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("ingest CLI on the samples", () => {
  it("building-logger-de.csv with --tz Europe/Berlin: units row out of the names, spring DST gap handled", () => {
    const result = ingest(path.join(SAMPLES_DIR, "building-logger-de.csv"), "--out", file("logger.csv"), "--tz", "Europe/Berlin");
    expect(result.code).toBe(0);
    // The file was written from UTC 2024-03-29T00:00Z every 15 minutes, shown in Berlin time.
    const rows = sampleFields("building-logger-de.csv").map((fields, i) => ({ time: Date.UTC(2024, 2, 29) + 15 * MINUTE * i, values: fields.slice(1) }));
    expect(output("logger.csv")).toBe(normalised("timestamp,Außentemperatur,Wärmeleistung", rows));
    expect(result.stderr).toMatch(/^480 of 480 rows imported\n/);
    expect(result.stderr.trim().split("\n").length).toBeLessThanOrEqual(2);
  });

  it("building-logger-de.csv without --tz reads the local times in Berlin time: its spring gap is Central European Time's", () => {
    const result = ingest(path.join(SAMPLES_DIR, "building-logger-de.csv"), "--out", file("logger-found.csv"));
    expect(result.code).toBe(0);
    const rows = sampleFields("building-logger-de.csv").map((fields, i) => ({ time: Date.UTC(2024, 2, 29) + 15 * MINUTE * i, values: fields.slice(1) }));
    expect(output("logger-found.csv")).toBe(normalised("timestamp,Außentemperatur,Wärmeleistung", rows));
    expect(result.stderr.split("\n")[1]).toBe("ingest: Times read in Europe/Berlin — DST pattern of Central European Time found (gap 2024-03-31 02:00–02:59)");
  });

  it("warns when --tz contradicts the DST pattern of the data", () => {
    const result = ingest(path.join(SAMPLES_DIR, "building-logger-de.csv"), "--out", file("logger-utc.csv"), "--tz", "UTC");
    expect(result.code).toBe(0);
    // The first row, 29.03.2024 01:00:00 in the file, stays 01:00 on the UTC clock.
    const [, outdoor, heat] = sampleFields("building-logger-de.csv")[0];
    const expected = normalised("timestamp,Außentemperatur,Wärmeleistung", [{ time: Date.UTC(2024, 2, 29, 1), values: [outdoor, heat] }]);
    expect(output("logger-utc.csv").split("\n").slice(0, 2)).toEqual(expected.split("\n").slice(0, 2));
    expect(result.stderr.split("\n")[0]).toBe("480 of 480 rows imported; warning: the data shows the DST pattern of Central European Time (gap 2024-03-31 02:00–02:59) but its times were read in UTC");
  });

  it("meter-15min.csv: ISO timestamps with offsets are respected", () => {
    const result = ingest(path.join(SAMPLES_DIR, "meter-15min.csv"), "--out", file("meter.csv"), "--tz", "America/New_York");
    expect(result.code).toBe(0);
    const rows = sampleFields("meter-15min.csv").map(([stamp, value]) => ({ time: new Date(stamp).getTime(), values: [value] }));
    expect(output("meter.csv")).toBe(normalised("timestamp,energy_kwh", rows));
  });

  it("sensor-irregular.csv: naive UTC, empty cells missing", () => {
    const result = ingest(path.join(SAMPLES_DIR, "sensor-irregular.csv"), "--out", file("sensor.csv"));
    expect(result.code).toBe(0);
    const rows = sampleFields("sensor-irregular.csv").map(([stamp, value]) => ({ time: Date.parse(stamp.replace(" ", "T") + "Z"), values: [value] }));
    expect(output("sensor.csv")).toBe(normalised("timestamp,temperature", rows));
    // The first row's cell is empty in the file (a missing value by construction): an empty cell in the output.
    expect(output("sensor.csv").split("\n")[1]).toBe(`${new Date(rows[0].time).toISOString()},`);
    expect(rows[0].values).toEqual([""]);
    expect(result.stderr.split("\n")[1]).toBe("ingest: naive times read as UTC; pass --tz ZONE if they are local");
  });

  it("us-12h.csv: month first, 12-hour clock", () => {
    const result = ingest(path.join(SAMPLES_DIR, "us-12h.csv"), "--out", file("us.csv"));
    expect(result.code).toBe(0);
    const rows = sampleFields("us-12h.csv").map(([, value], i) => ({ time: Date.UTC(2024, 0, 10) + 60 * MINUTE * i, values: [value] }));
    expect(output("us.csv")).toBe(normalised("timestamp,Value", rows));
  });
});

describe("ingest CLI options", () => {
  it("applies --missing sentinels as numbers, --delimiter, --decimal and --format", () => {
    writeFileSync(file("raw.txt"), "when|a|b\n2024/31/01 10h00|-999,0|1,5\n2024/01/02 10h00|2|-999\n");
    const result = ingest(file("raw.txt"), "--out", file("raw.csv"), "--delimiter", "|", "--decimal", ",", "--format", "%Y/%d/%m %Hh%M", "--missing", "-999");
    expect(result.stderr).toBe(
      "2 of 2 rows imported\ningest: naive times read as UTC; pass --tz ZONE if they are local\nlayout: utf-8, delimiter \"|\", decimal ',', time %Y/%d/%m %Hh%M (UTC)\n",
    );
    expect(output("raw.csv")).toBe("timestamp,a,b\n2024-01-31T10:00:00.000Z,,1.5\n2024-02-01T10:00:00.000Z,2,\n");
  });

  it("reports skipped rows with their reason and line", () => {
    writeFileSync(file("skips.csv"), "Zeit;Wert\n31.03.2024 01:45;1\n31.03.2024 02:15;2\nkaputt;3\n31.03.2024 03:00;4\n");
    const result = ingest(file("skips.csv"), "--out", file("skips-out.csv"), "--tz", "Europe/Berlin");
    expect(result.code).toBe(0);
    expect(result.stderr.split("\n")[0]).toBe("2 of 4 rows imported; 2 skipped: 1 nonexistent local time (first at line 3), 1 unparseable time (first at line 4)");
    expect(output("skips-out.csv")).toBe("timestamp,Wert\n2024-03-31T00:45:00.000Z,1\n2024-03-31T01:00:00.000Z,4\n");
  });
});

describe("ingest CLI on bad input", () => {
  const cases: Array<[string, string | Uint8Array, RegExp, string[]?]> = [
    ["binary.csv", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), /not a text file/],
    ["xlsx.csv", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), /Excel workbook/],
    ["empty.csv", "", /the file is empty/],
    ["blank.csv", "\n \n\n", /the file is empty/],
    ["header-only.csv", "Zeit;Wert;Temp\n", /no data rows/],
    ["no-time.csv", "name;value\nfoo;1\nbar;2\n", /no time column found/],
    ["bad-zone.csv", "t,v\n2024-01-01,1\n", /time zone/, ["--tz", "Mars/Olympus"]],
    ["bad-format.csv", "t,v\n2024-01-01,1\n", /no column matches the date format/, ["--format", "%d.%m.%Y"]],
  ];

  it.each(cases)("%s: one line on stderr, exit 1, no output file left", (name, content, message, extra = []) => {
    writeFileSync(file(name), content);
    const out = file(`${name}.out.csv`);
    const result = ingest(file(name), "--out", out, ...extra);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^chronoframe ingest: [^\n]+\n$/);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((entry) => entry.includes(".partial"))).toEqual([]);
  });

  it("a missing input file, an unwritable output or a missing --out is a one-line error", () => {
    const missing = ingest(file("nope.csv"), "--out", file("nope.out.csv"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^chronoframe ingest: cannot read .*nope\.csv: ENOENT\n$/);
    const unwritable = ingest(path.join(SAMPLES_DIR, "us-12h.csv"), "--out", file("no-such-dir/out.csv"));
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^chronoframe ingest: cannot write .*out\.csv: ENOENT\n$/);
    const usage = ingest(file("nope.csv"));
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/^chronoframe ingest: usage: ingest IN --out OUT\.csv/);
  });
});

describe("ingestFile", () => {
  it("streams a file with live progress up to its total size", async () => {
    const progress: Array<{ bytes: number; totalBytes: number; rows: number }> = [];
    const { frame, layout, report } = await ingestFile(path.join(SAMPLES_DIR, "sensor-irregular.csv"), { onProgress: (p) => progress.push(p) });
    const size = readFileSync(path.join(SAMPLES_DIR, "sensor-irregular.csv")).length;
    expect(frame.time.length).toBe(3000);
    expect(layout.time.format).toBe("%Y-%m-%d %H:%M:%S");
    expect(report.rowsImported).toBe(3000);
    expect(progress.at(-1)).toEqual({ bytes: size, totalBytes: size, rows: 3000 });
  });

  it("takes import options and checks them", async () => {
    const { frame } = await ingestFile(path.join(SAMPLES_DIR, "building-logger-de.csv"), { timezone: "Europe/Berlin", valueColumns: ["Wärmeleistung"] });
    expect(frame.columns.map((c) => c.name)).toEqual(["Wärmeleistung"]);
    await expect(ingestFile(path.join(SAMPLES_DIR, "us-12h.csv"), { timezone: "Nowhere/City" })).rejects.toThrow(IngestError);
  });

  it("refuses a file over the size limit before reading it", async () => {
    await expect(ingestFile(path.join(SAMPLES_DIR, "sensor-irregular.csv"), { limits: { maxBytes: 1024 } })).rejects.toThrow(/^the file is \d+ kB; the limit is 1 kB$/);
  });
});
