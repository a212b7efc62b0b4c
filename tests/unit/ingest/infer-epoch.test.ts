import { describe, expect, it } from "vitest";
import { inferEpoch } from "@/lib/ingest/infer-epoch";

describe("inferEpoch", () => {
  it("tells seconds, milliseconds and microseconds by magnitude", () => {
    expect(inferEpoch(["1704067200", "1704070800", "1704074400"])).toBe("epochSeconds");
    expect(inferEpoch(["1704067200000", "1704070800000"])).toBe("epochMillis");
    expect(inferEpoch(["1704067200000000", "1704070800000000"])).toBe("epochMicros");
  });

  it("reads a newest-first column, and any order when the column is named like a time", () => {
    expect(inferEpoch(["1704074400", "1704070800", "1704067200"])).toBe("epochSeconds");
    const shuffled = ["1704074400", "1704067200", "1704078000", "1704070800"];
    expect(inferEpoch(shuffled)).toBeNull();
    expect(inferEpoch(shuffled, { anyOrder: true })).toBe("epochSeconds");
  });

  it("refuses numbers outside one unit's range and columns of mostly text", () => {
    expect(inferEpoch(["1704067200", "17040672000"])).toBeNull();
    expect(inferEpoch(["12.5", "13.1"])).toBeNull();
    expect(inferEpoch(["x", "y", "1704067200"])).toBeNull();
    expect(inferEpoch(["5", "6"], { kind: "epochSeconds" })).toBe("epochSeconds");
  });
});
