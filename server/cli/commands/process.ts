import { applyRecipe } from "@/lib/process/apply-recipe";
import { parseRecipe } from "@/lib/process/recipe";
import { formatNormalisedCsv } from "@/lib/series/normalised-csv";
import { CliError } from "../cli-error";
import { asCliError, parseArguments, readJsonFile, readNormalisedCsvFile, requireOption } from "../cli-io";
import { writeOutputAtomically } from "../output-file";

const USAGE = "process IN.csv --recipe R.json --out OUT.csv";

export async function run(argv: string[]): Promise<void> {
  const { positional, options } = parseArguments(argv, ["recipe", "out"]);
  if (positional.length !== 1) throw new CliError(`expected one input file; usage: ${USAGE}`);
  const recipeFile = requireOption(options, "recipe", USAGE);
  const out = requireOption(options, "out", USAGE);
  const recipeInput = await readJsonFile(recipeFile, "recipe");
  let recipe;
  try {
    recipe = parseRecipe(recipeInput);
  } catch (error) {
    throw asCliError(error, "recipe", recipeFile);
  }
  const frame = await readNormalisedCsvFile(positional[0]);
  let result;
  try {
    result = applyRecipe(frame, recipe);
  } catch (error) {
    throw asCliError(error, "recipe", recipeFile);
  }
  await writeOutputAtomically(out, formatNormalisedCsv(result.frame));
  const lines = result.steps.map(
    (step, i) => `steps[${i}] ${step.op}: removed ${step.removed}, filled ${step.filled}, rows ${step.rowsBefore} -> ${step.rowsAfter}`,
  );
  process.stdout.write([...lines, `wrote ${result.frame.time.length} rows to ${out}`].join("\n") + "\n");
}
