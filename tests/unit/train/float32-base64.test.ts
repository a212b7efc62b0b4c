import { describe, expect, it } from "vitest";
import { base64ToFloat32, float32ToBase64 } from "@/lib/train/float32-base64";

describe("float32 base64", () => {
  it("round-trips values exactly, including a large array", () => {
    const values = Float32Array.from({ length: 100_000 }, (_, i) => Math.sin(i) * 1e3);
    expect(Array.from(base64ToFloat32(float32ToBase64(values)))).toEqual(Array.from(values));
  });
  it("encodes little-endian IEEE bytes", () => {
    expect(float32ToBase64(Float32Array.from([1]))).toBe("AACAPw==");
  });
});
