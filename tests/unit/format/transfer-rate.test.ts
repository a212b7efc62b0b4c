import { describe, expect, it } from "vitest";
import { secondsLeft, startTransferRate, updateTransferRate } from "@/lib/format/transfer-rate";

describe("transfer rate", () => {
  it("takes the first measured speed as is, then smooths", () => {
    let rate = startTransferRate(0, 0);
    rate = updateTransferRate(rate, 1_000_000, 1000);
    expect(rate.bytesPerSecond).toBe(1_000_000);
    rate = updateTransferRate(rate, 4_000_000, 2000);
    expect(rate.bytesPerSecond).toBeCloseTo(1_000_000 + 0.3 * 2_000_000);
  });

  it("estimates the time left from the smoothed speed", () => {
    const rate = updateTransferRate(startTransferRate(0, 0), 2_000_000, 2000);
    expect(secondsLeft(rate, 10_000_000)).toBeCloseTo(8);
    expect(secondsLeft(startTransferRate(0, 0), 10)).toBeNaN();
  });

  it("restarts from a resumed offset without a negative speed", () => {
    const rate = updateTransferRate(startTransferRate(5_000, 0), 1_000, 1000);
    expect(rate.bytesPerSecond).toBe(0);
    expect(rate.lastBytes).toBe(1_000);
  });
});
