import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";

describe("safeNextPath", () => {
  it("keeps relative paths with query and hash", () => {
    expect(safeNextPath("/datasets")).toBe("/datasets");
    expect(safeNextPath("/training?project=1#top")).toBe("/training?project=1#top");
  });

  it("refuses everything that could leave the site", () => {
    for (const next of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "http:/evil.example",
      "javascript:alert(1)",
      "/\tevil",
      "datasets",
      "",
      null,
      undefined,
    ]) {
      expect(safeNextPath(next)).toBe("/datasets");
    }
  });
});
