import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The test data inside the repository (tests/fixtures/): the generated samples of
 * tests/fixtures/make-samples.ts and ETTh1. Every test and the benchmark read from here, so
 * a bare clone runs them.
 */
export const FIXTURES_DIR = path.resolve(__dirname, "..", "fixtures");
export const SAMPLES_DIR = path.join(FIXTURES_DIR, "samples");
export const ETTH1_CSV = path.join(FIXTURES_DIR, "ETTh1", "ETTh1.csv");

export type SampleName = "building-logger-de.csv" | "meter-15min.csv" | "sensor-irregular.csv" | "us-12h.csv";

export const samplePath = (name: SampleName) => path.join(SAMPLES_DIR, name);

/** How each sample is laid out: its delimiter and the lines before the data. */
const SAMPLE_LAYOUTS: Record<SampleName, { delimiter: string; headerLines: number }> = {
  "building-logger-de.csv": { delimiter: ";", headerLines: 2 },
  "meter-15min.csv": { delimiter: ",", headerLines: 1 },
  "sensor-irregular.csv": { delimiter: ",", headerLines: 1 },
  "us-12h.csv": { delimiter: ",", headerLines: 1 },
};

/** A sample's data lines split into fields, read plainly (not by the importer under test). */
export function sampleFields(name: SampleName): string[][] {
  const { delimiter, headerLines } = SAMPLE_LAYOUTS[name];
  return readFileSync(samplePath(name), "utf8")
    .split("\n")
    .slice(headerLines)
    .filter((line) => line !== "")
    .map((line) => line.split(delimiter));
}

/** A cell of a sample as a number: decimal comma or point; an empty cell is NaN. */
export const sampleNumber = (text: string) => (text.trim() === "" ? NaN : Number(text.replace(",", ".")));
