import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regressionBand } from "@/lib/analysis/regression-band";
import { applyRecipe } from "@/lib/process/apply-recipe";
import { parseRecipe } from "@/lib/process/recipe";
import type { Frame } from "@/lib/series/frame";
import { formatNormalisedCsv, parseNormalisedCsv } from "@/lib/series/normalised-csv";
import { sampleFields, sampleNumber } from "../support/fixtures";

const repo = path.resolve(__dirname, "../..");
let dir: string;

function cli(...args: string[]) {
  const result = spawnSync(path.join(repo, "node_modules/.bin/tsx"), ["--conditions=react-server", path.join(repo, "server/cli/main.ts"), ...args], {
    cwd: repo,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const file = (name: string) => path.join(dir, name);
const writeJson = (name: string, value: unknown) => writeFileSync(file(name), JSON.stringify(value));
const writeFrame = (name: string, frame: Frame) => writeFileSync(file(name), [...formatNormalisedCsv(frame)].join(""));
const readFrame = (name: string) => parseNormalisedCsv(readFileSync(file(name), "utf8"));

function frameOf(rows: { time: number; values: number[] }[], names: string[]): Frame {
  return {
    time: Float64Array.from(rows, (r) => r.time),
    columns: names.map((name, c) => ({ name, values: Float64Array.from(rows, (r) => r.values[c]) })),
  };
}

/** Berlin local time of the spring 2024 change: +01:00 before 31.03. 02:00, +02:00 from 03:00 on. */
function berlinToUtc(text: string): number {
  const [d, m, y, hh, mm, ss] = text.split(/[.: ]/).map(Number);
  const local = Date.UTC(y, m - 1, d, hh, mm, ss);
  return local - (local >= Date.UTC(2024, 2, 31, 3) ? 2 : 1) * 3_600_000;
}

let sensor: Frame;
let meter: Frame;
let building: Frame;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "cf-cli-process-"));
  sensor = frameOf(
    sampleFields("sensor-irregular.csv").map(([time, value]) => ({ time: Date.parse(`${time.replace(" ", "T")}Z`), values: [sampleNumber(value)] })),
    ["temperature"],
  );
  meter = frameOf(
    sampleFields("meter-15min.csv").map(([time, value]) => ({ time: Date.parse(time), values: [sampleNumber(value)] })),
    ["energy_kwh"],
  );
  building = frameOf(
    sampleFields("building-logger-de.csv").map(([time, outdoor, heat]) => ({ time: berlinToUtc(time), values: [sampleNumber(outdoor), sampleNumber(heat)] })),
    ["Außentemperatur", "Wärmeleistung"],
  );
  writeFrame("sensor.csv", sensor);
  writeFrame("meter.csv", meter);
  writeFrame("building.csv", building);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("process", () => {
  it("cleans sensor-irregular.csv exactly as the library does", () => {
    const recipe = {
      version: 1,
      steps: [
        { op: "limits", min: -20, max: 40 },
        { op: "dropZeros" },
        { op: "flatline", minutes: 30 },
        { op: "gradient", maxChangePerMinute: 1, maxDurationMinutes: 30 },
        { op: "fillGaps", maxGapMinutes: 10 },
      ],
    };
    writeJson("clean.json", recipe);
    const run = cli("process", file("sensor.csv"), "--recipe", file("clean.json"), "--out", file("sensor-clean.csv"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/steps\[0\] limits: removed \d+/);
    const out = readFrame("sensor-clean.csv");
    const expected = applyRecipe(sensor, parseRecipe(recipe)).frame;
    expect(Array.from(out.time)).toEqual(Array.from(expected.time));
    expect(Array.from(out.columns[0].values)).toEqual(Array.from(expected.columns[0].values));
    expect(out.columns[0].values.some((v) => v === 0 || v > 40)).toBe(false);
    const removed = Array.from(sensor.columns[0].values).filter((v, i) => !Number.isNaN(v) && Number.isNaN(out.columns[0].values[i])).length;
    expect(removed).toBeGreaterThan(0);
  });

  it("resamples meter-15min.csv to hourly sums with a trailing window", () => {
    writeJson("hourly.json", { version: 1, steps: [{ op: "resample", stepMinutes: 60, method: "sum", window: "trailing" }] });
    const run = cli("process", file("meter.csv"), "--recipe", file("hourly.json"), "--out", file("meter-hourly.csv"));
    expect(run.code).toBe(0);
    const out = readFrame("meter-hourly.csv");
    const text = readFileSync(file("meter-hourly.csv"), "utf8");
    expect(text.split("\n")[0]).toBe("timestamp,energy_kwh");
    // Each hour g sums the quarter hours ending in (g - 60 min, g].
    for (let k = 0; k < out.time.length; k += 7) {
      const g = out.time[k];
      const inside = Array.from(meter.time).flatMap((time, i) => (time > g - 3_600_000 && time <= g && !Number.isNaN(meter.columns[0].values[i]) ? [meter.columns[0].values[i]] : []));
      const expected = inside.length === 0 ? NaN : inside.reduce((a, b) => a + b, 0);
      expect(out.columns[0].values[k]).toEqual(expected);
    }
    expect(out.time[1] - out.time[0]).toBe(3_600_000);
  });

  it("reads unsorted input and writes sorted output", () => {
    writeFileSync(file("unsorted.csv"), "timestamp,v\n2024-01-01T00:30:00.000Z,3\n2024-01-01T00:00:00.000Z,1\n");
    writeJson("identity.json", { version: 1, steps: [] });
    expect(cli("process", file("unsorted.csv"), "--recipe", file("identity.json"), "--out", file("sorted.csv")).code).toBe(0);
    expect(readFileSync(file("sorted.csv"), "utf8")).toBe("timestamp,v\n2024-01-01T00:00:00.000Z,1\n2024-01-01T00:30:00.000Z,3\n");
  });

  const bad: [string, unknown, RegExp][] = [
    ["a negative gap", { version: 1, steps: [{ op: "dropZeros" }, { op: "limits", max: 1 }, { op: "fillGaps", maxGapMinutes: -1 }] }, /steps\[2\]\.maxGapMinutes: expected a positive number/],
    ["an unknown op", { version: 1, steps: [{ op: "despike" }] }, /steps\[0\]\.op: expected op to be one of/],
    ["an unknown method", { version: 1, steps: [{ op: "resample", stepMinutes: 15, method: "intrpl" }] }, /steps\[0\]\.method: expected one of/],
    ["a missing step", { version: 1, steps: [{ op: "resample", method: "mean" }] }, /steps\[0\]\.stepMinutes: required/],
    ["a misspelt field", { version: 1, steps: [{ op: "flatline", minute: 5 }] }, /steps\[0\]\.minutes: required.*steps\[0\]\.minute: unknown field/],
    ["an unknown column", { version: 1, steps: [{ op: "limits", max: 1, columns: ["nope"] }] }, /steps\[0\]\.columns\[0\]: no column 'nope' \(columns: temperature\)/],
    ["a wrong version", { version: 2, steps: [] }, /version: expected 1/],
  ];

  it.each(bad)("rejects a recipe with %s: one line, non-zero exit, no output", (_label, recipe, message) => {
    writeJson("bad.json", recipe);
    const out = file("never.csv");
    const run = cli("process", file("sensor.csv"), "--recipe", file("bad.json"), "--out", out);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it("rejects invalid JSON, a missing input and missing options", () => {
    writeFileSync(file("broken.json"), "{ version: 1");
    const broken = cli("process", file("sensor.csv"), "--recipe", file("broken.json"), "--out", file("never.csv"));
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toMatch(/is not valid JSON/);
    const missing = cli("process", file("nope.csv"), "--recipe", file("identity.json"), "--out", file("never.csv"));
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv: no such file/);
    expect(cli("process", file("sensor.csv"), "--out", file("never.csv")).stderr).toMatch(/missing --recipe/);
    writeFileSync(file("not-normalised.csv"), "time;v\n01.01.2024 00:00;1\n");
    expect(cli("process", file("not-normalised.csv"), "--recipe", file("identity.json"), "--out", file("never.csv")).stderr).toMatch(/line 1: expected a header/);
    expect(existsSync(file("never.csv"))).toBe(false);
  });
});

describe("align", () => {
  it("puts sensor-irregular (mean) and building-logger (already 15 min) on one grid", () => {
    writeFrame("sensor-late.csv", { time: sensor.time.map((time) => time - 153 * 86_400_000), columns: sensor.columns });
    writeJson("align.json", {
      stepMinutes: 15,
      series: [{ file: "sensor-late.csv", method: "mean" }, { file: path.join(dir, "building.csv"), column: "Wärmeleistung" }],
    });
    const run = cli("align", "--spec", file("align.json"), "--out", file("aligned.csv"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = readFrame("aligned.csv");
    expect(out.columns.map((c) => c.name)).toEqual(["temperature", "Wärmeleistung"]);
    for (let i = 1; i < out.time.length; i++) expect((out.time[i] - out.time[0]) % (15 * 60_000)).toBe(0);
    // building-logger values are taken unchanged where the timestamps match
    const index = out.time.indexOf(building.time[10]);
    expect(out.columns[1].values[index]).toBe(building.columns[1].values[10]);
    expect(out.columns[0].values.some((v) => !Number.isNaN(v))).toBe(true);
  });

  it("says which series needs a method and writes nothing", () => {
    writeJson("align-missing.json", { stepMinutes: 15, series: [{ file: "building.csv" }, { file: "sensor.csv" }] });
    const run = cli("align", "--spec", file("align-missing.json"), "--out", file("never.csv"));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/series\[1\]\.method: sensor \(column temperature\) needs a method: its time step .* -> 15 min/);
    expect(existsSync(file("never.csv"))).toBe(false);
  });

  it("names an invalid spec field", () => {
    writeJson("align-bad.json", { stepMinutes: 15, series: [{ file: "sensor.csv", method: "mean", maxGapMinutes: 0 }] });
    const run = cli("align", "--spec", file("align-bad.json"), "--out", file("never.csv"));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/series\[0\]\.maxGapMinutes: expected a positive number/);
  });
});

describe("regress", () => {
  it("fits heat load against outdoor temperature of building-logger-de.csv", () => {
    const spec = { xColumn: "Außentemperatur", yColumn: "Wärmeleistung", kind: "linear", tolerance: "constant" } as const;
    writeJson("regress.json", spec);
    const run = cli("regress", "--x", file("building.csv"), "--y", file("building.csv"), "--spec", file("regress.json"), "--out", file("band.json"), "--inside", file("inside.csv"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const text = readFileSync(file("band.json"), "utf8");
    expect(text).not.toMatch(/NaN|Infinity|"None"|"nan"/);
    const report = JSON.parse(text);
    const expected = regressionBand(building, building, spec);
    expect(report.coefficients.a).toBeCloseTo(expected.coefficients[1], 10);
    expect(report.coefficients.b).toBeCloseTo(expected.coefficients[0], 10);
    expect(report.coefficients.a).toBeLessThan(0);
    expect(report.r2).toBeGreaterThan(0);
    expect(report.equation).toBe(expected.equation);
    expect(report.tolerances).toEqual({ tolCnt: expected.tolCnt, tolDep: null });
    expect(report.counts.inside + report.counts.outside).toBe(report.counts.points);
    expect(report.points).toHaveLength(report.counts.points);
    expect(report.points.filter((p: { inside: boolean }) => p.inside)).toHaveLength(report.counts.inside);
    expect(readFrame("inside.csv").time).toHaveLength(report.counts.inside);
  });

  it("rejects a bad spec with the field path and writes nothing", () => {
    writeJson("regress-bad.json", { kind: "linear", tolerance: "dependent", tolDep: -0.1 });
    const run = cli("regress", "--x", file("building.csv"), "--y", file("building.csv"), "--spec", file("regress-bad.json"), "--out", file("never.json"));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/tolDep: expected a number >= 0/);
    expect(existsSync(file("never.json"))).toBe(false);
  });
});
