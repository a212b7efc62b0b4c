import { describe, expect, it } from "vitest";
import { bandPreviewRequestSchema } from "@/lib/contracts/regression-band-view";
import { parseSpec } from "@/lib/process/spec-errors";

const A = "3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b";
const message = (input: unknown) => {
  try {
    parseSpec(bandPreviewRequestSchema, input, "request");
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe("band preview requests", () => {
  it("takes two dataset ids (the same one twice too) and a regression spec", () => {
    expect(message({ xDatasetId: A, yDatasetId: A, spec: { kind: "quadratic", tolerance: "dependent", tolCnt: 0, tolDep: 0.2, xColumn: "T", yColumn: "P" } })).toBeNull();
  });

  it("names the field of a bad tolerance, kind or id", () => {
    expect(message({ xDatasetId: A, yDatasetId: A, spec: { kind: "linear", tolerance: "constant", tolCnt: -1 } })).toBe("spec.tolCnt: expected a number >= 0");
    expect(message({ xDatasetId: A, yDatasetId: A, spec: { kind: "cubic", tolerance: "constant" } })).toBe("spec.kind: expected one of linear, quadratic");
    expect(message({ xDatasetId: "../etc/passwd", yDatasetId: A, spec: { kind: "linear", tolerance: "constant" } })).toBe("xDatasetId: not a dataset id");
    expect(message({ xDatasetId: A, yDatasetId: A, spec: { kind: "linear", tolerance: "constant" }, extra: 1 })).toBe("extra: unknown field");
  });
});
