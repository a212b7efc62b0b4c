import { describe, expect, it } from "vitest";
import { createWallClock } from "@/lib/train/wall-clock";

describe("createWallClock", () => {
  it("is the identity in UTC", () => {
    const t = Date.UTC(2025, 2, 30, 1, 30);
    expect(createWallClock("UTC").wallMs(t)).toBe(t);
  });
  it("follows Europe/Berlin across the spring and autumn changes, whatever the machine's zone", () => {
    const clock = createWallClock("Europe/Berlin");
    // 2025-03-30 00:59 UTC = 01:59 CET; 01:00 UTC = 03:00 CEST.
    expect(clock.wallMs(Date.UTC(2025, 2, 30, 0, 59))).toBe(Date.UTC(2025, 2, 30, 1, 59));
    expect(clock.wallMs(Date.UTC(2025, 2, 30, 1, 0))).toBe(Date.UTC(2025, 2, 30, 3, 0));
    // 2025-10-26 00:30 UTC = 02:30 CEST, 01:30 UTC = 02:30 CET (the repeated hour).
    expect(clock.wallMs(Date.UTC(2025, 9, 26, 0, 30))).toBe(Date.UTC(2025, 9, 26, 2, 30));
    expect(clock.wallMs(Date.UTC(2025, 9, 26, 1, 30))).toBe(Date.UTC(2025, 9, 26, 2, 30));
  });
  it("handles zones with half-hour offsets", () => {
    expect(createWallClock("Asia/Kolkata").wallMs(Date.UTC(2024, 0, 1))).toBe(Date.UTC(2024, 0, 1, 5, 30));
  });
});
