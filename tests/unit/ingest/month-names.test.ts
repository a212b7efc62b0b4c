import { describe, expect, it } from "vitest";
import { MONTH_BY_NAME } from "@/lib/ingest/month-names";

describe("MONTH_BY_NAME", () => {
  it("maps English and German names and abbreviations", () => {
    expect(MONTH_BY_NAME.get("jan")).toBe(1);
    expect(MONTH_BY_NAME.get("märz")).toBe(3);
    expect(MONTH_BY_NAME.get("mai")).toBe(5);
    expect(MONTH_BY_NAME.get("okt")).toBe(10);
    expect(MONTH_BY_NAME.get("december")).toBe(12);
    expect(MONTH_BY_NAME.get("foo")).toBeUndefined();
  });
});
