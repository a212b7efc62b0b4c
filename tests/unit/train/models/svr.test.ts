import { beforeAll, describe, expect, it } from "vitest";
import { runTraining } from "@/lib/train/run-training";
import { modelDocumentSchema, type ModelDocument } from "@/lib/train/model-document";
import { predictFromDocument } from "@/lib/train/predict";
import { evenlySpaced, type SvmModule } from "@/lib/train/models/svr";
import { trainingConfigSchema } from "@/lib/train/training-config";
import { createSeededRandom } from "@/lib/train/seeded-random";
import { loadLibsvm } from "@/server/train/libsvm";

const H = 3_600_000;
const random = createSeededRandom(5);
const n = 400;
const noisySine = {
  time: Float64Array.from({ length: n }, (_, i) => i * H),
  values: Float64Array.from({ length: n }, (_, i) => 5 * Math.sin((2 * Math.PI * i) / 12) + (random() - 0.5)),
};
const config = trainingConfigSchema.parse({
  version: 1,
  inputs: [{ file: "s.csv", column: "v", startHours: -11, endHours: 0 }],
  outputs: [{ file: "s.csv", column: "v", startHours: 1, endHours: 3 }],
  steps: { inputSteps: 12, outputSteps: 3, stepMinutes: 60 },
  scaling: "standard",
  models: [
    { kind: "naive" },
    { kind: "svr", mode: "direct", kernel: "rbf", C: 10, epsilon: 0.05 },
    { kind: "svr", mode: "mimo", kernel: "rbf", C: 10, epsilon: 0.05 },
  ],
});

let svm: SvmModule;
beforeAll(async () => {
  svm = await loadLibsvm();
});

describe("svr", () => {
  it("direct and mimo beat naive on a noisy sine, and their documents predict the same again", async () => {
    const documents: ModelDocument[] = [];
    const result = await runTraining(config, { inputs: [noisySine], outputs: [noisySine] }, { runtime: { svm }, onModel: (d) => void documents.push(d) });
    const [naive, direct, mimo] = result.models;
    expect(direct.test.MAE as number).toBeLessThan(naive.test.MAE as number);
    expect(mimo.test.MAE as number).toBeLessThan(naive.test.MAE as number);
    expect((documents[1].state as { models: string[] }).models).toHaveLength(3);
    expect((documents[2].state as { models: string[] }).models).toHaveLength(1);
    const document = modelDocumentSchema.parse(JSON.parse(JSON.stringify(documents[1])));
    const a = await predictFromDocument(document, [noisySine], { runtime: { svm } });
    const b = await predictFromDocument(document, [noisySine], { runtime: { svm } });
    expect(Array.from(a.values.data)).toEqual(Array.from(b.values.data));
  });

  it("says what is missing without LIBSVM", async () => {
    await expect(runTraining(config, { inputs: [noisySine], outputs: [noisySine] })).rejects.toThrow(/needs LIBSVM/);
  });

  it("subsamples evenly in time", () => {
    expect(evenlySpaced(10, 4)).toEqual([0, 2, 5, 7]);
    expect(evenlySpaced(3, 4)).toEqual([0, 1, 2]);
  });
});
