import { describe, expect, it } from "vitest";
import { formatSize } from "@/lib/ingest/format-size";

describe("formatSize", () => {
  it("picks a readable unit", () => {
    expect(formatSize(512)).toBe("512 bytes");
    expect(formatSize(139_264)).toBe("136 kB");
    expect(formatSize(41_437_270)).toBe("40 MB");
    expect(formatSize(2 * 1024 ** 3)).toBe("2.0 GB");
  });
});
