import "server-only";
import path from "node:path";
import { findColumn, type Frame } from "@/lib/series/frame";
import type { SeriesData } from "@/lib/train/sample-windows";
import type { TrainingSeries } from "@/lib/train/prepare-samples";
import type { SeriesWindow, TrainingConfig } from "@/lib/train/training-config";
import { ingestFile } from "@/server/ingest/ingest-file";

/**
 * Loads the series of a training config from files (paths relative to the config file, or
 * absolute) through the importer, each file once. `datasetId` series belong to the app,
 * which resolves them from its own store.
 */
export class TrainingSeriesError extends Error {}

export type FrameLoader = (file: string) => Promise<Frame>;

export const ingestFrame: FrameLoader = async (file) => (await ingestFile(file)).frame;

export function columnSeries(frame: Frame, column: string, where: string, file: string): SeriesData {
  const found = findColumn(frame, column);
  if (!found) {
    const names = frame.columns.map((c) => c.name).join(", ");
    throw new TrainingSeriesError(`${where}.column: no column '${column}' in ${file} (columns: ${names})`);
  }
  return { time: frame.time, values: found.values };
}

export async function loadTrainingSeries(config: TrainingConfig, configDirectory: string, loadFrame: FrameLoader = ingestFrame): Promise<TrainingSeries> {
  const frames = new Map<string, Promise<Frame>>();
  const load = async (series: SeriesWindow, where: string): Promise<SeriesData> => {
    if (series.file === undefined) throw new TrainingSeriesError(`${where}.datasetId: the CLI reads files; use "file" (relative to the config file)`);
    const file = path.resolve(configDirectory, series.file);
    let frame = frames.get(file);
    if (!frame) {
      frame = loadFrame(file);
      frames.set(file, frame);
    }
    return columnSeries(await frame, series.column, where, series.file);
  };
  return {
    inputs: await Promise.all(config.inputs.map((series, i) => load(series, `inputs.${i}`))),
    outputs: await Promise.all(config.outputs.map((series, i) => load(series, `outputs.${i}`))),
  };
}
