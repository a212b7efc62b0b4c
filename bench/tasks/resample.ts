import { createReadStream, existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Frame } from "@/lib/series/frame";
import { NormalisedCsvReader } from "@/lib/series/normalised-csv";
import { benchPath, compareMedians, measure, TSX, type BenchContext, type BenchResult, type BenchTask } from "../run";

const ROWS = 1_000_000;

/** What pandas_reference.py resample computes: 15-min means over [g, g + 15 min), then time interpolation of short gaps. */
const RECIPE = {
  version: 1,
  steps: [
    { op: "resample", stepMinutes: 15, method: "mean", window: "leading" },
    { op: "fillGaps", maxGapMinutes: 60 },
  ],
};

async function readNormalised(file: string): Promise<Frame> {
  const reader = new NormalisedCsvReader();
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) reader.pushBytes(chunk as Buffer);
  return reader.finish();
}

/**
 * Cell by cell: both present and equal to 1e-12 relative (pandas sums with compensation, so
 * the last bits of a mean may differ), or both missing. pandas' `interpolate(limit=4)` also
 * fills the first 4 points of longer gaps and up to 4 trailing points, which the recipe's
 * all-or-nothing fillGaps (docs/recipe-v1.md) leaves missing: those cells are counted separately.
 */
async function compareOutputs(ours: string, reference: string): Promise<string> {
  const [a, b] = await Promise.all([readNormalised(ours), readNormalised(reference)]);
  if (a.time.length !== b.time.length) return `outputs differ: ${a.time.length} vs ${b.time.length} rows`;
  if (a.columns.map((c) => c.name).join() !== b.columns.map((c) => c.name).join()) return "outputs differ: column names";
  let timeDifferences = 0;
  let valueDifferences = 0;
  let filledOnlyByPandas = 0;
  let filledOnlyByUs = 0;
  let cells = 0;
  for (let i = 0; i < a.time.length; i++) {
    if (a.time[i] !== b.time[i]) timeDifferences++;
    for (let c = 0; c < a.columns.length; c++) {
      const x = a.columns[c].values[i];
      const y = b.columns[c].values[i];
      cells++;
      if (Number.isNaN(x) && !Number.isNaN(y)) filledOnlyByPandas++;
      else if (!Number.isNaN(x) && Number.isNaN(y)) filledOnlyByUs++;
      else if (Math.abs(x - y) > 1e-12 * Math.max(1, Math.abs(y))) valueDifferences++;
    }
  }
  const verdict = timeDifferences + valueDifferences + filledOnlyByUs === 0 ? "outputs equal" : "OUTPUTS DIFFER";
  return (
    `${verdict}: ${a.time.length} rows × ${a.columns.length} columns, ${timeDifferences} timestamps and ${valueDifferences} of ${cells} values differ, ` +
    `${filledOnlyByUs} filled only by us, ${filledOnlyByPandas} filled only by pandas (its limit=4 fills parts of longer gaps)`
  );
}

/** 1 M irregular rows → 15-min means over leading windows, gaps up to 60 min filled. */
const resample: BenchTask = {
  name: "resample 1M rows to 15 min mean + fill gaps <= 60 min",
  async run(ctx: BenchContext): Promise<BenchResult> {
    const raw = path.join(ctx.workDir, "big-iso.csv");
    // make-big-csv's iso layout has `YYYY-MM-DD HH:MM:SS` timestamps; pandas_reference's ingest turns it into the normalised CSV.
    const input = path.join(ctx.workDir, "big-iso-normalised.csv");
    if (!existsSync(raw)) await measure(TSX, [benchPath("make-big-csv.ts"), String(ROWS), raw, "iso"]);
    if (!existsSync(input)) await measure(ctx.python, [benchPath("pandas_reference.py"), "ingest", raw, input, "iso"]);
    const recipe = path.join(ctx.workDir, "resample-recipe.json");
    await writeFile(recipe, JSON.stringify(RECIPE));
    const ours = path.join(ctx.workDir, "resample-ours.csv");
    const reference = path.join(ctx.workDir, "resample-pandas.csv");
    const result = await compareMedians(
      "resample",
      ctx.repeats,
      () => measure(TSX, ["--conditions=react-server", "server/cli/main.ts", "process", input, "--recipe", recipe, "--out", ours]),
      () => measure(ctx.python, [benchPath("pandas_reference.py"), "resample", input, reference]),
    );
    return { ...result, notes: await compareOutputs(ours, reference) };
  },
};

export default resample;
