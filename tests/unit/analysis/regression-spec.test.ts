import { describe, expect, it } from "vitest";
import { parseRegressionSpec } from "@/lib/analysis/regression-spec";

function messageOf(input: unknown): string {
  try {
    parseRegressionSpec(input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the spec to be rejected");
}

describe("regression spec", () => {
  it("accepts the documented fields", () => {
    const spec = { xColumn: "T", yColumn: "P", kind: "quadratic", tolerance: "dependent", tolCnt: 0, tolDep: 0.05 };
    expect(parseRegressionSpec(spec)).toEqual(spec);
    expect(parseRegressionSpec({ kind: "linear", tolerance: "constant" })).toEqual({ kind: "linear", tolerance: "constant" });
  });

  it("names the invalid field", () => {
    expect(messageOf({ kind: "cubic", tolerance: "constant" })).toBe("kind: expected one of linear, quadratic");
    expect(messageOf({ kind: "linear", tolerance: "cnt" })).toBe("tolerance: expected one of constant, dependent");
    expect(messageOf({ kind: "linear", tolerance: "constant", tolCnt: -1 })).toBe("tolCnt: expected a number >= 0");
    expect(messageOf({ kind: "linear" })).toMatch(/^tolerance: /);
    expect(messageOf({ kind: "linear", tolerance: "constant", REG: "lin" })).toBe("REG: unknown field");
    expect(messageOf(null)).toMatch(/^spec: expected a JSON object/);
  });
});
