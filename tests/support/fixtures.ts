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
