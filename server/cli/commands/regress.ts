import { regressionBand, insidePointsFrame, type RegressionBand } from "@/lib/analysis/regression-band";
import { parseRegressionSpec } from "@/lib/analysis/regression-spec";
import { formatNormalisedCsv } from "@/lib/series/normalised-csv";
import { CliError } from "../cli-error";
import { writeOutputAtomically } from "../output-file";
import { asCliError, parseArguments, readJsonFile, readNormalisedCsvFile, requireOption } from "../cli-io";

const USAGE = "regress --x X.csv --y Y.csv --spec S.json --out OUT.json [--inside INSIDE.csv]";

/** JSON has no NaN or Infinity: such a value (never expected here) is written as null. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** The report: fit, tolerances used, counts, and every matched point with its classification. */
export function bandReport(band: RegressionBand) {
  const names = band.kind === "linear" ? ["b", "a"] : ["b", "c1", "c2"];
  const { points } = band;
  return {
    kind: band.kind,
    tolerance: band.tolerance,
    xColumn: band.xColumn,
    yColumn: band.yColumn,
    equation: band.equation,
    coefficients: Object.fromEntries(names.map((name, k) => [name, finiteOrNull(band.coefficients[k])])),
    r2: finiteOrNull(band.r2),
    tolerances: { tolCnt: finiteOrNull(band.tolCnt), tolDep: band.tolDep },
    counts: { points: points.time.length, inside: band.insideCount, outside: band.outsideCount },
    points: Array.from(points.time, (t, i) => ({
      timestamp: new Date(t).toISOString(),
      x: points.x[i],
      y: points.y[i],
      predicted: finiteOrNull(points.predicted[i]),
      lower: finiteOrNull(points.lower[i]),
      upper: finiteOrNull(points.upper[i]),
      inside: points.inside[i] === 1,
    })),
  };
}

export async function run(argv: string[]): Promise<void> {
  const { positional, options } = parseArguments(argv, ["x", "y", "spec", "out", "inside"]);
  if (positional.length > 0) throw new CliError(`unexpected argument '${positional[0]}'; usage: ${USAGE}`);
  const xFile = requireOption(options, "x", USAGE);
  const yFile = requireOption(options, "y", USAGE);
  const specFile = requireOption(options, "spec", USAGE);
  const out = requireOption(options, "out", USAGE);
  let spec;
  try {
    spec = parseRegressionSpec(await readJsonFile(specFile, "spec"));
  } catch (error) {
    throw asCliError(error, "spec", specFile);
  }
  const xFrame = await readNormalisedCsvFile(xFile);
  const yFrame = yFile === xFile ? xFrame : await readNormalisedCsvFile(yFile);
  let band;
  try {
    band = regressionBand(xFrame, yFrame, spec);
  } catch (error) {
    throw asCliError(error, "spec", specFile);
  }
  const insideFile = options.get("inside");
  await writeOutputAtomically(out, [JSON.stringify(bandReport(band), null, 1) + "\n"]);
  if (insideFile) await writeOutputAtomically(insideFile, formatNormalisedCsv(insidePointsFrame(band)));
  process.stdout.write(`${band.equation}, R² ${band.r2.toFixed(4)}, inside ${band.insideCount}, outside ${band.outsideCount}\n`);
}
