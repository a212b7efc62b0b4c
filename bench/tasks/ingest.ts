import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { NormalisedCsvReader } from "@/lib/series/normalised-csv";
import type { Frame } from "@/lib/series/frame";
import { benchPath, compareMedians, measure, TSX, type BenchContext, type BenchResult, type BenchTask } from "../run";

const ROWS = 1_000_000;

async function readNormalised(file: string): Promise<Frame> {
  const reader = new NormalisedCsvReader();
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) reader.push(chunk as string);
  return reader.finish();
}

/** Same timestamps and the same values (to 1e-12 relative; pandas writes 15.0 where we write 15) in both outputs. */
async function compareOutputs(ours: string, reference: string): Promise<string> {
  const [a, b] = await Promise.all([readNormalised(ours), readNormalised(reference)]);
  if (a.time.length !== b.time.length) return `outputs differ: ${a.time.length} vs ${b.time.length} rows`;
  const names = a.columns.map((column) => column.name).join(",");
  if (names !== b.columns.map((column) => column.name).join(",")) return "outputs differ: column names";
  let differences = 0;
  for (let i = 0; i < a.time.length; i++) {
    if (a.time[i] !== b.time[i]) differences++;
    for (let c = 0; c < a.columns.length; c++) {
      const x = a.columns[c].values[i];
      const y = b.columns[c].values[i];
      if (Number.isNaN(x) !== Number.isNaN(y) || Math.abs(x - y) > 1e-12 * Math.max(1, Math.abs(y))) differences++;
    }
  }
  return differences === 0 ? `outputs equal (${a.time.length} rows × ${a.columns.length} columns)` : `outputs differ in ${differences} cells`;
}

/** 1 M rows of a German export (semicolons, decimal commas, Europe/Berlin local time) → normalised CSV. */
const ingest: BenchTask = {
  name: "ingest 1M rows (de, Europe/Berlin)",
  async run(ctx: BenchContext): Promise<BenchResult> {
    const input = path.join(ctx.workDir, "big-de.csv");
    if (!existsSync(input)) await measure(TSX, [benchPath("make-big-csv.ts"), String(ROWS), input, "de"]);
    const ours = path.join(ctx.workDir, "ingest-ours.csv");
    const reference = path.join(ctx.workDir, "ingest-pandas.csv");
    const result = await compareMedians(
      "ingest",
      ctx.repeats,
      () => measure(TSX, ["--conditions=react-server", "server/cli/main.ts", "ingest", input, "--out", ours, "--tz", "Europe/Berlin"]),
      () => measure(ctx.python, [benchPath("pandas_reference.py"), "ingest", input, reference, "de"]),
    );
    return { ...result, notes: await compareOutputs(ours, reference) };
  },
};

export default ingest;
