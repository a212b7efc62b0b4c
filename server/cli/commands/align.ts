import path from "node:path";
import { alignSeries, type AlignInput } from "@/lib/process/align";
import { parseAlignSpec } from "@/lib/process/align-spec";
import { formatNormalisedCsv } from "@/lib/series/normalised-csv";
import { CliError } from "../cli-error";
import { writeOutputAtomically } from "../output-file";
import { asCliError, parseArguments, readJsonFile, readNormalisedCsvFile, requireOption } from "../cli-io";

const USAGE = "align --spec A.json --out OUT.csv";

export async function run(argv: string[]): Promise<void> {
  const { positional, options } = parseArguments(argv, ["spec", "out"]);
  if (positional.length > 0) throw new CliError(`unexpected argument '${positional[0]}'; usage: ${USAGE}`);
  const specFile = requireOption(options, "spec", USAGE);
  const out = requireOption(options, "out", USAGE);
  let spec;
  try {
    spec = parseAlignSpec(await readJsonFile(specFile, "spec"));
  } catch (error) {
    throw asCliError(error, "spec", specFile);
  }
  const inputs: AlignInput[] = [];
  for (const [index, series] of spec.series.entries()) {
    if (series.file === undefined) {
      throw new CliError(`spec ${specFile}: series[${index}].datasetId: the CLI reads files; use "file" (relative to the spec file)`);
    }
    const file = path.resolve(path.dirname(specFile), series.file);
    inputs.push({ label: path.basename(file).replace(/\.[^.]*$/, ""), frame: await readNormalisedCsvFile(file) });
  }
  let frame;
  try {
    frame = alignSeries(spec, inputs);
  } catch (error) {
    throw asCliError(error, "spec", specFile);
  }
  await writeOutputAtomically(out, formatNormalisedCsv(frame));
  process.stdout.write(`wrote ${frame.time.length} rows, columns ${frame.columns.map((c) => c.name).join(", ")} to ${out}\n`);
}
