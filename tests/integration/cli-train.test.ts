import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelDocumentSchema } from "@/lib/train/model-document";
import { trainingResultSchema } from "@/lib/train/training-config";
import { samplePath } from "../support/fixtures";

const run = promisify(execFile);
const SAMPLE = samplePath("building-logger-de.csv");
const TSX = path.resolve("node_modules/.bin/tsx");

let dir: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ["--conditions=react-server", "server/cli/main.ts", ...args], { cwd: path.resolve("."), maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const config = {
  version: 1,
  inputs: [
    { file: "logger.csv", column: "Außentemperatur", startHours: -2, endHours: 0 },
    { file: "logger.csv", column: "Wärmeleistung", startHours: -2, endHours: 0 },
  ],
  outputs: [{ file: "logger.csv", column: "Wärmeleistung", startHours: 0.25, endHours: 1 }],
  steps: { inputSteps: 9, outputSteps: 4, stepMinutes: 15 },
  timeFeatures: { day: true, holidays: { country: "DE" }, local: true, timezone: "Europe/Berlin" },
  scaling: "minmax",
  models: [{ kind: "naive" }, { kind: "linear", alpha: 0.1 }, { kind: "dense", layers: 1, units: 8, epochs: 3, batchSize: 16 }],
};

async function writeConfig(name: string, content: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(content));
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cli-train-"));
  await copyFile(SAMPLE, path.join(dir, "logger.csv"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm run cli -- train / predict", () => {
  it("trains from a config with files relative to it, writes the contract's result and one document per model", async () => {
    const configFile = await writeConfig("config.json", config);
    const out = path.join(dir, "result.json");
    const modelsDir = path.join(dir, "models");
    const { code, stdout, stderr } = await cli("train", "--config", configFile, "--out", out, "--models-dir", modelsDir);
    expect(stderr).toContain("3:dense");
    expect(code).toBe(0);
    expect(stdout).toMatch(/trained 3 model\(s\)/);
    const text = await readFile(out, "utf8");
    expect(text).not.toMatch(/NaN|Infinity/);
    const result = trainingResultSchema.parse(JSON.parse(text));
    expect(result.features).toEqual({ inputs: 9 * 2 + 3, outputs: 4 });
    expect(result.samples.train).toBeGreaterThan(300);
    expect(result.models.map((m) => m.kind)).toEqual(["naive", "linear", "dense"]);
    expect(result.models[1].test.MAE as number).toBeLessThan(result.models[0].test.MAE as number);
    const documents = (await readdir(modelsDir)).sort();
    expect(documents).toEqual(["model-1-naive.json", "model-2-linear.json", "model-3-dense.json"]);
    modelDocumentSchema.parse(JSON.parse(await readFile(path.join(modelsDir, documents[2]), "utf8")));
  });

  it("predicts from a saved model on a raw export: one row per reference time, a column per forecast step", async () => {
    const out = path.join(dir, "forecast.csv");
    const { code, stderr } = await cli("predict", "--model", path.join(dir, "models", "model-2-linear.json"), "--in", path.join(dir, "logger.csv"), "--out", out);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = (await readFile(out, "utf8")).trim().split("\n");
    expect(lines[0]).toBe("timestamp,Wärmeleistung+0.25h,Wärmeleistung+0.5h,Wärmeleistung+0.75h,Wärmeleistung+1h");
    expect(lines[1]).toMatch(/^2024-03-29T02:00:00\.000Z,[-\d.]+,[-\d.]+,[-\d.]+,[-\d.]+$/);
    expect(lines.length).toBeGreaterThan(400);
  });

  it("rejects a bad config with one line naming the field, a non-zero exit and no output", async () => {
    const out = path.join(dir, "bad.json");
    for (const [content, expected] of [
      [{ ...config, steps: { ...config.steps, outputSteps: 0 } }, /config .*: steps\.outputSteps: /],
      [{ ...config, models: [{ kind: "linear", alpha: -1 }] }, /models\.0\.alpha: /],
      [{ ...config, outputs: [{ ...config.outputs[0], column: "Leistung" }], models: [{ kind: "linear" }] }, /outputs\.0\.column: no column 'Leistung'/],
      [{ ...config, inputs: [config.inputs[0]], models: [{ kind: "naive" }] }, /models\.0: naive needs the output series 'Wärmeleistung' among the inputs/],
    ] as const) {
      const { code, stderr } = await cli("train", "--config", await writeConfig("bad-config.json", content), "--out", out);
      expect(code).toBe(1);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(expected);
      expect(existsSync(out)).toBe(false);
    }
  });

  it("rejects a file that is not a model document", async () => {
    const out = path.join(dir, "never.csv");
    const { code, stderr } = await cli("predict", "--model", path.join(dir, "result.json"), "--in", path.join(dir, "logger.csv"), "--out", out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^chronoframe predict: model .*: format: /);
    expect(existsSync(out)).toBe(false);
  });
});
