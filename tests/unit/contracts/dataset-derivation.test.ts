import { describe, expect, it } from "vitest";
import { deriveRequestSchema, sourceIdsOf, type Derivation } from "@/lib/contracts/dataset-derivation";
import { formatPath } from "@/lib/process/spec-errors";

const A = "3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b";
const B = "4e3c9d2f-6b5e-4f7a-8b8c-2d3e4f5a6b7c";

const firstIssue = (input: unknown) => {
  const parsed = deriveRequestSchema.safeParse(input);
  if (parsed.success) return null;
  return `${formatPath(parsed.error.issues[0].path)}: ${parsed.error.issues[0].message}`;
};

describe("derivation requests", () => {
  it("names the path of an invalid recipe field", () => {
    const request = { name: "v2", derivation: { kind: "recipe", sourceId: A, recipe: { version: 1, steps: [{ op: "fillGaps", maxGapMinutes: -5 }] } } };
    expect(firstIssue(request)).toBe("derivation.recipe.steps[0].maxGapMinutes: expected a positive number");
  });

  it("needs a dataset id, not a file, for every aligned series", () => {
    const request = { name: "aligned", derivation: { kind: "align", spec: { stepMinutes: 15, series: [{ datasetId: A }, { file: "b.csv" }] } } };
    expect(firstIssue(request)).toBe("derivation.spec.series[1].datasetId: choose a dataset");
  });

  it("refuses a blank name, unknown kinds and malformed ids", () => {
    expect(firstIssue({ name: "  ", derivation: { kind: "recipe", sourceId: A, recipe: { version: 1, steps: [] } } })).toBe("name: give the new dataset a name");
    expect(firstIssue({ name: "x", derivation: { kind: "magic" } })).toMatch(/^derivation\.kind: /);
    expect(firstIssue({ name: "x", derivation: { kind: "forecast", sourceId: "../etc", modelId: A } })).toBe("derivation.sourceId: not a dataset id");
  });

  it("lists each source once, in the order used", () => {
    const align: Derivation = { kind: "align", spec: { stepMinutes: 15, series: [{ datasetId: B }, { datasetId: A }, { datasetId: B, column: "other" }] } };
    expect(sourceIdsOf(align)).toEqual([B, A]);
    expect(sourceIdsOf({ kind: "regression-band", xDatasetId: A, yDatasetId: A, spec: { kind: "linear", tolerance: "constant" } })).toEqual([A]);
    expect(sourceIdsOf({ kind: "forecast", sourceId: B, modelId: A })).toEqual([B]);
  });
});
