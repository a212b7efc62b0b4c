import { describe, expect, it } from "vitest";
import { OFFSET_BY_ABBREVIATION } from "@/lib/ingest/zone-abbreviations";

describe("OFFSET_BY_ABBREVIATION", () => {
  it("knows the German and US summer and winter abbreviations", () => {
    expect(OFFSET_BY_ABBREVIATION.get("MEZ")).toBe(60);
    expect(OFFSET_BY_ABBREVIATION.get("MESZ")).toBe(120);
    expect(OFFSET_BY_ABBREVIATION.get("PDT")).toBe(-420);
  });

  it("leaves out ambiguous abbreviations", () => {
    expect(OFFSET_BY_ABBREVIATION.has("IST")).toBe(false);
    expect(OFFSET_BY_ABBREVIATION.has("BST")).toBe(false);
  });
});
