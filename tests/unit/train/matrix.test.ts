import { describe, expect, it } from "vitest";
import { concatColumns, createMatrix, selectRows } from "@/lib/train/matrix";

describe("matrix helpers", () => {
  const m = { rows: 3, cols: 2, data: Float64Array.from([1, 2, 3, 4, 5, 6]) };
  it("selects rows in the given order", () => {
    expect(Array.from(selectRows(m, [2, 0]).data)).toEqual([5, 6, 1, 2]);
  });
  it("joins columns row by row", () => {
    const right = { rows: 3, cols: 1, data: Float64Array.from([7, 8, 9]) };
    const joined = concatColumns(m, right);
    expect(joined.cols).toBe(3);
    expect(Array.from(joined.data)).toEqual([1, 2, 7, 3, 4, 8, 5, 6, 9]);
    expect(() => concatColumns(m, createMatrix(2, 1))).toThrow(/rows/);
  });
});
