import { describe, expect, it } from "vitest";
import { buildFeatureLayout } from "@/lib/train/feature-layout";
import { applyScaler, fitScaler, identityScaler, invertScaler } from "@/lib/train/scalers";
import { restoreLinear, trainLinear } from "@/lib/train/models/linear";
import { createSeededRandom } from "@/lib/train/seeded-random";
import { trainingConfigSchema } from "@/lib/train/training-config";

const layout = buildFeatureLayout(
  trainingConfigSchema.parse({
    version: 1,
    inputs: [{ file: "a.csv", column: "T", startHours: -2, endHours: 0 }],
    outputs: [{ file: "a.csv", column: "T", startHours: 1, endHours: 2 }],
    steps: { inputSteps: 3, outputSteps: 2, stepMinutes: 60 },
    models: [{ kind: "linear" }],
  }),
);

/** y1 = x_last + 0.5 (x0 − x_last) + 1, y2 = 2 x1 − x0 (both affine in the window). */
function synthetic(rows: number) {
  const random = createSeededRandom(9);
  const x = Float64Array.from({ length: rows * 3 }, () => random() * 50 + 100);
  const y = new Float64Array(rows * 2);
  for (let r = 0; r < rows; r++) {
    const [x0, x1, x2] = x.subarray(r * 3, r * 3 + 3);
    y[r * 2] = x2 + 0.5 * (x0 - x2) + 1;
    y[r * 2 + 1] = 2 * x1 - x0;
  }
  return { inputs: { rows, cols: 3, data: x }, outputs: { rows, cols: 2, data: y } };
}

describe("linear", () => {
  it("recovers its coefficients exactly on data from a linear relation", () => {
    const data = synthetic(50);
    const model = trainLinear({ layout, inputScaler: identityScaler(3), outputScaler: identityScaler(2) }, data, 0, "none");
    const expected = [0.5, -1, 0, 2, 0.5, 0]; // rows = inputs x0, x1, x2; columns = y1, y2
    model.state.coefficients.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
    expect(model.state.intercept[0]).toBeCloseTo(1, 8);
    expect(model.state.intercept[1]).toBeCloseTo(0, 8);
  });

  for (const normalize of ["last", "mean"] as const) {
    it(`normalize "${normalize}" predicts exactly in original units through different input/output scalers`, () => {
      const data = synthetic(60);
      const rows = Array.from({ length: 40 }, (_, i) => i);
      const inputScaler = fitScaler(data.inputs, rows, [{ from: 0, count: 3 }], "standard");
      const outputScaler = fitScaler(data.outputs, rows, [{ from: 0, count: 2 }], "minmax");
      const scaled = { inputs: applyScaler(data.inputs, inputScaler), outputs: applyScaler(data.outputs, outputScaler) };
      const context = { layout, inputScaler, outputScaler };
      const model = trainLinear(context, scaled, 0, normalize);
      const forecast = invertScaler(model.predict(scaled.inputs), outputScaler);
      forecast.data.forEach((v, i) => expect(v).toBeCloseTo(data.outputs.data[i], 7));
      // the saved state predicts the same
      const restored = restoreLinear(context, JSON.parse(JSON.stringify(model.state)));
      expect(Array.from(restored.predict(scaled.inputs).data)).toEqual(Array.from(model.predict(scaled.inputs).data));
    });
  }

  it("ridge alpha shrinks the coefficients", () => {
    const data = synthetic(50);
    const context = { layout, inputScaler: identityScaler(3), outputScaler: identityScaler(2) };
    const norm = (c: number[]) => Math.hypot(...c);
    expect(norm(trainLinear(context, data, 1e5, "none").state.coefficients)).toBeLessThan(norm(trainLinear(context, data, 0, "none").state.coefficients));
  });
});
