import { modelDocumentSchema } from "@/lib/train/model-document";
import { formatNormalisedCsv } from "@/lib/series/normalised-csv";
import { describeConfigError } from "@/lib/train/training-config";
import { forecastFrame } from "@/server/train/forecast-frame";
import { ingestFrame, TrainingSeriesError } from "@/server/train/load-training-series";
import { CliError } from "../cli-error";
import { writeOutputAtomically } from "../output-file";
import { parseArguments, readJsonFile, requireOption } from "../cli-io";

/**
 * Forecasts with a saved model. The input file is read by the importer; each input series
 * of the model's config is taken from the column of the same name. The output is a
 * normalised CSV: `timestamp` = the reference time, then one column per output series and
 * step named `<series>+<hours>h` (the step's time relative to the reference time), e.g.
 * `timestamp,OT+1h,OT+2h,…`; the forecast for column `OT+3h` of row t is for time t + 3 h.
 */
const USAGE = "predict --model M.json --in IN.csv --out OUT.csv";

export async function run(argv: string[]): Promise<void> {
  const { positional, options } = parseArguments(argv, ["model", "in", "out"]);
  if (positional.length > 0) throw new CliError(`unexpected argument '${positional[0]}'; usage: ${USAGE}`);
  const modelFile = requireOption(options, "model", USAGE);
  const inFile = requireOption(options, "in", USAGE);
  const out = requireOption(options, "out", USAGE);
  const parsed = modelDocumentSchema.safeParse(await readJsonFile(modelFile, "model"));
  if (!parsed.success) throw new CliError(`model ${modelFile}: ${describeConfigError(parsed.error)}`);
  const document = parsed.data;
  const input = await ingestFrame(inFile);
  let forecasts;
  try {
    forecasts = await forecastFrame(document, input, inFile);
  } catch (error) {
    if (error instanceof TrainingSeriesError) throw new CliError(`model ${modelFile}: ${error.message}`);
    throw error;
  }
  const output = forecasts.frame;
  await writeOutputAtomically(out, formatNormalisedCsv(output));
  process.stdout.write(
    `wrote ${output.time.length} forecasts of ${output.columns.length} values (${forecasts.skipped} reference times skipped for missing inputs) to ${out}\n`,
  );
}
