import { describe, expect, it } from "vitest";
import { DEFAULT_INGEST_LIMITS, resolveIngestLimits } from "@/lib/ingest/ingest-limits";

describe("resolveIngestLimits", () => {
  it("overrides the defaults one by one", () => {
    expect(resolveIngestLimits()).toEqual(DEFAULT_INGEST_LIMITS);
    expect(resolveIngestLimits({ maxRows: 10 })).toEqual({ ...DEFAULT_INGEST_LIMITS, maxRows: 10 });
  });
});
