import { describe, expect, it } from "vitest";
import { applyScaler, fitScaler, identityScaler, invertScaler } from "@/lib/train/scalers";

// 4 rows × 3 columns; columns 0–1 are one series (a group), column 2 another.
const m = { rows: 4, cols: 3, data: Float64Array.from([1, 2, 10, 3, 4, 20, 5, 6, 30, 100, 200, 1000]) };
const groups = [{ from: 0, count: 2 }, { from: 2, count: 1 }];
const trainRows = [0, 1, 2];

describe("scalers", () => {
  it("min-max maps the training range of each group to [0, 1] or the series' range", () => {
    const scaler = fitScaler(m, trainRows, groups, "minmax");
    const scaled = applyScaler(m, scaler);
    [0, 0.2, 0, 0.4, 0.6, 0.5, 0.8, 1, 1].forEach((v, i) => expect(scaled.data[i]).toBeCloseTo(v, 12));
    const ranged = fitScaler(m, trainRows, [{ from: 0, count: 2, rangeMin: -1, rangeMax: 1 }, { from: 2, count: 1 }], "minmax");
    expect(applyScaler(m, ranged).data[0]).toBeCloseTo(-1, 12);
    expect(applyScaler(m, ranged).data[7]).toBeCloseTo(1, 12);
  });

  it("standard uses the training mean and population standard deviation", () => {
    const scaler = fitScaler(m, trainRows, groups, "standard");
    // column 2 training values 10, 20, 30: mean 20, std √(200/3).
    expect(applyScaler(m, scaler).data[2]).toBeCloseTo(-10 / Math.sqrt(200 / 3), 12);
    // group 0 values 1…6: mean 3.5.
    expect(scaler.shift[0] / scaler.scale[0]).toBeCloseTo(-3.5, 12);
  });

  it("fits on the training rows only: changing other rows changes nothing (no leakage)", () => {
    for (const scaling of ["minmax", "standard"] as const) {
      const before = fitScaler(m, trainRows, groups, scaling);
      const leaked = { ...m, data: m.data.slice() };
      leaked.data.fill(1e9, 9);
      const after = fitScaler(leaked, trainRows, groups, scaling);
      expect(Array.from(after.scale)).toEqual(Array.from(before.scale));
      expect(Array.from(after.shift)).toEqual(Array.from(before.shift));
      // …and fitting on all rows would differ, so the check above can fail.
      expect(Array.from(fitScaler(leaked, [0, 1, 2, 3], groups, scaling).scale)).not.toEqual(Array.from(before.scale));
    }
  });

  it("inverts exactly, and leaves a constant column finite", () => {
    const scaler = fitScaler(m, trainRows, groups, "standard");
    const back = invertScaler(applyScaler(m, scaler), scaler);
    back.data.forEach((v, i) => expect(v).toBeCloseTo(m.data[i], 9));
    const constant = { rows: 2, cols: 1, data: Float64Array.from([5, 5]) };
    for (const scaling of ["minmax", "standard"] as const) {
      const s = fitScaler(constant, [0, 1], [{ from: 0, count: 1 }], scaling);
      expect(Number.isFinite(applyScaler(constant, s).data[0])).toBe(true);
    }
    expect(Array.from(fitScaler(m, trainRows, groups, "none").scale)).toEqual(Array.from(identityScaler(3).scale));
  });
});
