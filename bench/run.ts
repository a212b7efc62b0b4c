import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";

/**
 * `npm run bench [-- TASK…] [--repeats N]`: runs every module of bench/tasks/*.ts (or the
 * named ones) and prints our time and peak memory against the pandas reference, measured in
 * the same run. Exits non-zero only when a task crashes, never because of a ratio.
 */

export interface BenchContext {
  /** Scratch directory for generated inputs and outputs (kept between runs). */
  workDir: string;
  /** The reference Python interpreter (pandas, scikit-learn). */
  python: string;
  /** Runs per side; tasks report medians. */
  repeats: number;
}

export interface BenchResult {
  task: string;
  oursSeconds: number;
  referenceSeconds: number;
  ratio: number;
  oursPeakMB?: number;
  referencePeakMB?: number;
  notes?: string;
}

export interface BenchTask {
  name: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}

export interface Measurement {
  seconds: number;
  peakMB: number | undefined;
  stdout: string;
  stderr: string;
}

const REPO = process.cwd();
const TIME_BINARY = "/usr/bin/time";

/** Files of the benchmark folder (the pandas references, the data generator). */
export function benchPath(...parts: string[]): string {
  return path.join(REPO, "bench", ...parts);
}

/** The TypeScript runner of this repository, for our CLI and the data generator. */
export const TSX = "node_modules/.bin/tsx";

/** Peak resident set size of a running process from /proc, for machines without /usr/bin/time. */
function readPeakKilobytes(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command to completion and measures its wall time and peak memory (with
 * `/usr/bin/time -v` when present, else by polling /proc). A non-zero exit throws.
 */
export function measure(command: string, args: string[], options: { cwd?: string } = {}): Promise<Measurement> {
  const timed = existsSync(TIME_BINARY);
  const started = performance.now();
  const child = timed ? spawn(TIME_BINARY, ["-v", command, ...args], { cwd: options.cwd ?? REPO }) : spawn(command, args, { cwd: options.cwd ?? REPO });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let polledPeak: number | undefined;
  const poll = timed
    ? undefined
    : setInterval(() => {
        const peak = child.pid === undefined ? undefined : readPeakKilobytes(child.pid);
        if (peak !== undefined) polledPeak = Math.max(polledPeak ?? 0, peak);
      }, 20);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (poll) clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(" ")} exited with ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
        return;
      }
      const reported = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const kilobytes = reported ? Number(reported[1]) : polledPeak;
      resolve({ seconds, peakMB: kilobytes === undefined ? undefined : kilobytes / 1024, stdout, stderr });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs ours and the reference alternately `repeats` times (so that machine load hits both alike); medians. */
/** Alternates the two commands `repeats` times: the task's result (medians, ratio, peak memory). */
export async function compareMedians(
  task: string,
  repeats: number,
  ours: () => Promise<Measurement>,
  reference: () => Promise<Measurement>,
): Promise<BenchResult> {
  const oursRuns: Measurement[] = [];
  const referenceRuns: Measurement[] = [];
  for (let i = 0; i < repeats; i++) {
    oursRuns.push(await ours());
    referenceRuns.push(await reference());
  }
  const peak = (runs: Measurement[]) => (runs.every((run) => run.peakMB !== undefined) ? Math.max(...runs.map((run) => run.peakMB!)) : undefined);
  const oursSeconds = median(oursRuns.map((run) => run.seconds));
  const referenceSeconds = median(referenceRuns.map((run) => run.seconds));
  return {
    task,
    oursSeconds,
    referenceSeconds,
    ratio: oursSeconds / referenceSeconds,
    oursPeakMB: peak(oursRuns),
    referencePeakMB: peak(referenceRuns),
  };
}

async function ensureReferencePython(): Promise<string> {
  const python = path.join(process.env.TMPDIR ?? "/tmp", "refpy", "bin", "python");
  if (!existsSync(python)) await measure("bash", [benchPath("setup-reference-python.sh")]);
  return python;
}

function formatRow(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
}

function printTable(results: BenchResult[]): void {
  const number = (value: number | undefined, digits: number) => (value === undefined || Number.isNaN(value) ? "-" : value.toFixed(digits));
  const rows = [
    ["task", "ours s", "pandas s", "ratio", "ours MB", "pandas MB", "notes"],
    ...results.map((r) => [r.task, number(r.oursSeconds, 2), number(r.referenceSeconds, 2), number(r.ratio, 3), number(r.oursPeakMB, 0), number(r.referencePeakMB, 0), r.notes ?? ""]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) process.stdout.write(formatRow(row, widths).trimEnd() + "\n");
}

function parseArguments(argv: string[]): { names: string[]; repeats: number } {
  const names: string[] = [];
  let repeats = Number(process.env.BENCH_REPEATS ?? 3);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--repeats") repeats = Number(argv[++i]);
    else names.push(argv[i]);
  }
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error("--repeats must be a positive integer");
  return { names, repeats };
}

async function main(): Promise<number> {
  const { names, repeats } = parseArguments(process.argv.slice(2));
  const workDir = path.join(process.env.TMPDIR ?? "/tmp", "chronoframe-bench");
  await mkdir(workDir, { recursive: true });
  const python = await ensureReferencePython();
  const taskDir = path.join(REPO, "bench", "tasks");
  const files = (await readdir(taskDir)).filter((file) => file.endsWith(".ts")).sort();
  const results: BenchResult[] = [];
  let crashed = 0;
  for (const file of files) {
    const name = path.basename(file, ".ts");
    if (names.length > 0 && !names.includes(name)) continue;
    try {
      const loaded = (await import(path.join(taskDir, file))) as { default: BenchTask | { default: BenchTask } };
      // A CommonJS transform may nest the default export one level deeper.
      const task = "run" in loaded.default ? loaded.default : loaded.default.default;
      process.stderr.write(`bench: running ${task.name} (${repeats}× each side)…\n`);
      results.push(await task.run({ workDir, python, repeats }));
    } catch (error) {
      crashed++;
      process.stderr.write(`bench: ${name} crashed: ${(error as Error).message}\n`);
      results.push({ task: name, oursSeconds: NaN, referenceSeconds: NaN, ratio: NaN, notes: "CRASHED" });
    }
  }
  printTable(results);
  return crashed > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.join(REPO, "bench", "run.ts")) {
  main().then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      process.stderr.write(`bench: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
