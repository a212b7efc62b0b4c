import { describe, expect, it } from "vitest";
import { tokenizeSample } from "@/lib/ingest/tokenize-sample";

describe("tokenizeSample", () => {
  it("gives records with their index, physical line and blank flag", () => {
    const records = tokenizeSample('a;b\n\n"x\ny";2\nc;d\n', ";", '"', true);
    expect(records.map((r) => [r.index, r.line, r.blank, r.fields])).toEqual([
      [0, 1, false, ["a", "b"]],
      [1, 2, true, [""]],
      [2, 3, false, ["x\ny", "2"]],
      [3, 5, false, ["c", "d"]],
    ]);
  });

  it("leaves out the cut last record of a partial sample", () => {
    expect(tokenizeSample("a;b\nc;d\ne;", ";", '"', false).map((r) => r.fields)).toEqual([["a", "b"], ["c", "d"]]);
    expect(tokenizeSample("a;b\nc;d\ne;", ";", '"', true)).toHaveLength(3);
  });

  it("stops at the record limit", () => {
    expect(tokenizeSample("1\n2\n3\n", ",", '"', true, 2)).toHaveLength(2);
  });
});
