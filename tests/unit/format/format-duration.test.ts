import { describe, expect, it } from "vitest";
import { formatDuration } from "@/lib/format/format-duration";

describe("formatDuration", () => {
  it("formats seconds, minutes and hours", () => {
    expect(formatDuration(0.4)).toBe("0 s");
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(200)).toBe("3 min 20 s");
    expect(formatDuration(7500)).toBe("2 h 5 min");
  });

  it("shows a dash when the time is unknown", () => {
    expect(formatDuration(NaN)).toBe("–");
    expect(formatDuration(Infinity)).toBe("–");
  });
});
