import { describe, expect, it } from "vitest";
import { formatBytes } from "@/lib/format/format-bytes";

describe("formatBytes", () => {
  it("uses decimal units with sensible precision", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1500)).toBe("1.50 kB");
    expect(formatBytes(15_119)).toBe("15.1 kB");
    expect(formatBytes(524_288_000)).toBe("524 MB");
    expect(formatBytes(1e12)).toBe("1.00 TB");
  });

  it("writes the number in the given language", () => {
    expect(formatBytes(1500, "de")).toBe("1,50 kB");
    expect(formatBytes(15_119, "de")).toBe("15,1 kB");
    expect(formatBytes(999_499, "de")).toBe("999 kB");
    expect(formatBytes(1500, "en")).toBe("1.50 kB");
  });

  it("shows a dash for impossible sizes", () => {
    expect(formatBytes(-1)).toBe("–");
    expect(formatBytes(NaN)).toBe("–");
  });
});
