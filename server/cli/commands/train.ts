import { mkdir } from "node:fs/promises";
import path from "node:path";
import { UnknownHolidayRegionError } from "@/lib/train/holidays";
import type { ModelDocument } from "@/lib/train/model-document";
import { ModelConfigurationError } from "@/lib/train/models/model";
import { checkModelConfigs } from "@/lib/train/models/train-model";
import { runTraining, TrainingDataError } from "@/lib/train/run-training";
import { describeConfigError, trainingConfigSchema } from "@/lib/train/training-config";
import { loadTrainingSeries, TrainingSeriesError } from "@/server/train/load-training-series";
import { loadLibsvm } from "@/server/train/libsvm";
import { selectWasmBackend } from "@/server/train/tensorflow-backend";
import { CliError } from "../cli-error";
import { writeOutputAtomically } from "../output-file";
import { parseArguments, readJsonFile, requireOption } from "../cli-io";

const USAGE = "train --config C.json --out R.json [--models-dir DIR]";

export async function run(argv: string[]): Promise<void> {
  const { positional, options } = parseArguments(argv, ["config", "out", "models-dir"]);
  if (positional.length > 0) throw new CliError(`unexpected argument '${positional[0]}'; usage: ${USAGE}`);
  const configFile = requireOption(options, "config", USAGE);
  const out = requireOption(options, "out", USAGE);
  const modelsDirectory = options.get("models-dir");
  const parsed = trainingConfigSchema.safeParse(await readJsonFile(configFile, "config"));
  if (!parsed.success) throw new CliError(`config ${configFile}: ${describeConfigError(parsed.error)}`);
  const config = parsed.data;
  const documents: ModelDocument[] = [];
  let result;
  try {
    checkModelConfigs(config);
    const series = await loadTrainingSeries(config, path.dirname(path.resolve(configFile)));
    await selectWasmBackend();
    const svm = config.models.some((model) => model.kind === "svr") ? await loadLibsvm() : undefined;
    result = await runTraining(config, series, {
      runtime: { svm },
      onProgress: (progress) => {
        const epoch = progress.epoch !== undefined ? ` epoch ${progress.epoch}/${progress.epochs} loss ${progress.loss?.toPrecision(4)}` : "";
        process.stderr.write(`model ${progress.model}${progress.message ? ` ${progress.message}` : ""}${epoch}\n`);
      },
      onModel: (document) => {
        documents.push(document);
      },
    });
  } catch (error) {
    if (error instanceof ModelConfigurationError || error instanceof TrainingDataError || error instanceof TrainingSeriesError || error instanceof UnknownHolidayRegionError) throw new CliError(`config ${configFile}: ${error.message}`);
    throw error;
  }
  if (modelsDirectory !== undefined) {
    await mkdir(modelsDirectory, { recursive: true });
    for (const [index, document] of documents.entries()) {
      await writeOutputAtomically(path.join(modelsDirectory, `model-${index + 1}-${document.model.kind}.json`), [JSON.stringify(document)]);
    }
  }
  await writeOutputAtomically(out, [JSON.stringify(result, null, 2) + "\n"]);
  const { samples } = result;
  process.stdout.write(
    `trained ${result.models.length} model(s) on ${samples.train} train / ${samples.validation} validation / ${samples.test} test samples (${samples.skipped} skipped); wrote ${out}\n`,
  );
}
