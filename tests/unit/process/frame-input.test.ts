import { describe, expect, it } from "vitest";
import { selectColumns, sortedInput, transformColumns } from "@/lib/process/frame-input";
import { SpecError } from "@/lib/process/spec-errors";

const frame = {
  time: Float64Array.from([3, 1, 2, 1]),
  columns: [
    { name: "a", values: Float64Array.from([30, 10, 20, 11]) },
    { name: "b", unit: "kW", values: Float64Array.from([3, 1, 2, 1.5]) },
  ],
};

describe("sortedInput", () => {
  it("sorts rows by time, stably for equal timestamps", () => {
    const sorted = sortedInput(frame);
    expect(Array.from(sorted.time)).toEqual([1, 1, 2, 3]);
    expect(Array.from(sorted.columns[0].values)).toEqual([10, 11, 20, 30]);
    expect(sorted.columns[1].unit).toBe("kW");
  });

  it("returns a sorted frame as it is", () => {
    const sorted = { time: Float64Array.from([1, 2]), columns: [] };
    expect(sortedInput(sorted)).toBe(sorted);
  });

  it("rejects a row without a valid timestamp", () => {
    expect(() => sortedInput({ time: Float64Array.from([1, NaN]), columns: [] })).toThrow("row 2 has no valid timestamp");
  });
});

describe("selectColumns", () => {
  it("selects all columns by default and named ones in order", () => {
    expect(selectColumns(frame, undefined)).toEqual([0, 1]);
    expect(selectColumns(frame, ["b"])).toEqual([1]);
  });

  it("names an unknown column with its index", () => {
    try {
      selectColumns(frame, ["a", "c"]);
      expect.unreachable();
    } catch (error) {
      expect((error as SpecError).path).toBe("columns[1]");
      expect((error as SpecError).message).toContain("no column 'c' (columns: a, b)");
    }
  });
});

describe("transformColumns", () => {
  it("transforms only the selected columns of the sorted frame", () => {
    const doubled = transformColumns(frame, ["a"], (_time, values) => values.map((v) => v * 2));
    expect(Array.from(doubled.columns[0].values)).toEqual([20, 22, 40, 60]);
    expect(Array.from(doubled.columns[1].values)).toEqual([1, 1.5, 2, 3]);
  });
});
