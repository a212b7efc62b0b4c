import { describe, expect, it } from "vitest";
import { isMissingToken } from "@/lib/ingest/missing-tokens";

describe("isMissingToken", () => {
  it("knows the tokens of docs/import.md (Missing values)", () => {
    for (const token of ["", "NaN", "nan", "NA", "n/a", "#N/A", "NULL", "null", "-"]) expect(isMissingToken(token, new Set())).toBe(true);
  });

  it("adds the user's text sentinels and rejects other text", () => {
    expect(isMissingToken("x", new Set())).toBe(false);
    expect(isMissingToken("Störung", new Set(["Störung"]))).toBe(true);
  });
});
