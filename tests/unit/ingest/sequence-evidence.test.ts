import { describe, expect, it } from "vitest";
import { sequenceEvidence } from "@/lib/ingest/sequence-evidence";

const H = 3_600_000;

describe("sequenceEvidence", () => {
  it("sees an ascending hourly axis with a gap and unreadable cells", () => {
    const evidence = sequenceEvidence([0, H, NaN, 2 * H, 5 * H, 6 * H]);
    expect(evidence).toEqual({ count: 5, distinctShare: 1, direction: "ascending", regularSteps: 3, steps: 4, step: H, span: 6 * H });
  });

  it("sees a newest-first axis as descending", () => {
    expect(sequenceEvidence([3 * H, 2 * H, H, 0])).toMatchObject({ direction: "descending", regularSteps: 3, step: H });
  });

  it("sees no direction in shuffled values and few distinct ones in a constant column", () => {
    expect(sequenceEvidence([0, 5 * H, H, 4 * H, 2 * H]).direction).toBe("none");
    expect(sequenceEvidence([7, 7, 7, 7]).distinctShare).toBe(0.25);
    expect(sequenceEvidence([]).direction).toBe("none");
  });
});
