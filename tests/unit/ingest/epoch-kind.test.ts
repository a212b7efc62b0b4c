import { describe, expect, it } from "vitest";
import { epochKindOfFormat, epochMilliseconds, epochScale, isEpochKind } from "@/lib/ingest/epoch-kind";

describe("epoch kinds", () => {
  it("names the explicit epoch formats", () => {
    expect(epochKindOfFormat("epoch-s")).toBe("epochSeconds");
    expect(epochKindOfFormat("%s")).toBe("epochSeconds");
    expect(epochKindOfFormat("EPOCH-MS")).toBe("epochMillis");
    expect(epochKindOfFormat("epoch-us")).toBe("epochMicros");
    expect(epochKindOfFormat("%Y-%m-%d")).toBeNull();
    expect(epochKindOfFormat(undefined)).toBeNull();
  });

  it("converts to exact milliseconds", () => {
    expect(epochMilliseconds(1704067200500000, epochScale("epochMicros")!)).toBe(1704067200500);
    expect(epochMilliseconds(1704067200.5, epochScale("epochSeconds")!)).toBe(1704067200500);
  });

  it("gives milliseconds per unit, and null for text kinds", () => {
    expect([epochScale("epochSeconds"), epochScale("epochMillis"), epochScale("epochMicros"), epochScale("combined")]).toEqual([1000, 1, 0.001, null]);
    expect(isEpochKind("dateTime")).toBe(false);
    expect(isEpochKind("epochMicros")).toBe(true);
  });
});
