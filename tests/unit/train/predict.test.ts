import { describe, expect, it } from "vitest";
import { forecastColumnNames, predictFromDocument } from "@/lib/train/predict";
import { runTraining } from "@/lib/train/run-training";
import { modelDocumentSchema, type ModelDocument } from "@/lib/train/model-document";
import { trainingConfigSchema } from "@/lib/train/training-config";

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
const hourly = (n: number) => ({
  time: Float64Array.from({ length: n }, (_, i) => T0 + i * H),
  values: Float64Array.from({ length: n }, (_, i) => 3 * i + 2),
});

const config = trainingConfigSchema.parse({
  version: 1,
  inputs: [{ file: "a.csv", column: "v", startHours: -2, endHours: 0 }],
  outputs: [{ file: "a.csv", column: "v", startHours: 1, endHours: 2 }],
  steps: { inputSteps: 3, outputSteps: 2, stepMinutes: 60 },
  timeFeatures: { day: true },
  scaling: "standard",
  models: [{ kind: "linear" }, { kind: "naive" }],
});

async function documents(): Promise<ModelDocument[]> {
  const saved: ModelDocument[] = [];
  const series = hourly(200);
  await runTraining(config, { inputs: [series], outputs: [series] }, { onModel: (d) => void saved.push(d) });
  return saved.map((d) => modelDocumentSchema.parse(JSON.parse(JSON.stringify(d))));
}

describe("predictFromDocument", () => {
  it("names forecast columns by series and relative hours", async () => {
    const [linear] = await documents();
    expect(forecastColumnNames(linear)).toEqual(["v+1h", "v+2h"]);
  });

  it("forecasts from a saved document on new data, up to the end of the data", async () => {
    const [linear, naive] = await documents();
    const fresh = hourly(10);
    const forecasts = await predictFromDocument(linear, [fresh]);
    // reference times 02:00 … 09:00: the inputs need 2 h of history, no outputs are needed
    expect(forecasts.referenceTime.length).toBe(8);
    expect(forecasts.referenceTime[7]).toBe(T0 + 9 * H);
    // the series is exactly linear, so the linear model continues it
    expect(forecasts.values.data[0]).toBeCloseTo(3 * 3 + 2, 6);
    expect(forecasts.values.data[15]).toBeCloseTo(3 * 11 + 2, 6);
    const naiveForecasts = await predictFromDocument(naive, [fresh]);
    expect(naiveForecasts.values.data[0]).toBeCloseTo(8, 9);
    expect(naiveForecasts.values.data[1]).toBeCloseTo(8, 9);
  });
});
