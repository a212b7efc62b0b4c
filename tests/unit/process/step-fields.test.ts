import { describe, expect, it } from "vitest";
import { recipeStep, type RecipeOp } from "@/lib/process/recipe";
import { STEP_FIELDS, STEP_TAKES_COLUMNS, stepParameters } from "@/lib/process/step-fields";

describe("step fields", () => {
  it("list every parameter each op's schema knows, and columns exactly for the ops that take them", () => {
    for (const option of recipeStep.options) {
      const op = option.shape.op.value as RecipeOp;
      const keys = Object.keys(option.shape).filter((key) => key !== "op");
      expect([...STEP_FIELDS[op].map((field) => field.key), ...(STEP_TAKES_COLUMNS.has(op) ? ["columns"] : [])].sort(), op).toEqual(keys.sort());
    }
  });

  it("give a step's parameters in form order, whatever the order of its keys, without columns", () => {
    expect(stepParameters({ max: 40, op: "limits", min: 0, columns: ["a"] })).toEqual([
      ["min", 0],
      ["max", 40],
    ]);
    expect(stepParameters({ window: "trailing", method: "sum", op: "resample", stepMinutes: 60 })).toEqual([
      ["stepMinutes", 60],
      ["method", "sum"],
      ["window", "trailing"],
    ]);
    expect(stepParameters({ op: "dropZeros" })).toEqual([]);
  });
});
