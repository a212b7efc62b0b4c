import { describe, expect, it } from "vitest";
import { prefersMonthFirst } from "@/lib/ingest/prefers-month-first";

describe("prefersMonthFirst", () => {
  it("is true for US-style locales only", () => {
    expect(prefersMonthFirst("en-US")).toBe(true);
    expect(prefersMonthFirst("es_US")).toBe(true);
    expect(prefersMonthFirst("en-Latn-US")).toBe(true);
    expect(prefersMonthFirst("en-GB")).toBe(false);
    expect(prefersMonthFirst("de")).toBe(false);
    expect(prefersMonthFirst(undefined)).toBe(false);
  });
});
