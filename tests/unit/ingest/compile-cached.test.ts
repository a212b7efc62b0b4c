import { describe, expect, it } from "vitest";
import { compileCached } from "@/lib/ingest/compile-cached";

describe("compileCached", () => {
  it("compiles a format once and reuses the parser", () => {
    const parser = compileCached("%Y-%m-%d");
    expect(compileCached("%Y-%m-%d")).toBe(parser);
    expect(parser.parse("2024-01-02")).toBe(Date.UTC(2024, 0, 2));
  });
});
