import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatPath, parseSpec, SpecError } from "@/lib/process/spec-errors";

describe("formatPath", () => {
  it("writes indices in brackets and keys with dots", () => {
    expect(formatPath(["steps", 2, "maxGapMinutes"])).toBe("steps[2].maxGapMinutes");
    expect(formatPath(["series", 0, "columns", 1])).toBe("series[0].columns[1]");
    expect(formatPath([])).toBe("");
  });
});

describe("SpecError.within", () => {
  it("prefixes the path of an enclosing document", () => {
    const inner = new SpecError("columns[0]", "no column 'x'");
    expect(inner.within("steps[3]").message).toBe("steps[3].columns[0]: no column 'x'");
    expect(new SpecError("", "bad").within("steps[1]").message).toBe("steps[1]: bad");
    expect(new SpecError("[2]", "bad").within("series").path).toBe("series[2]");
  });
});

describe("parseSpec", () => {
  const schema = z.strictObject({ a: z.number({ error: "expected a number" }), b: z.array(z.string({ error: "expected text" })) });

  it("returns the parsed value", () => {
    expect(parseSpec(schema, { a: 1, b: ["x"] }, "spec")).toEqual({ a: 1, b: ["x"] });
  });

  it("names every offending path on one line", () => {
    try {
      parseSpec(schema, { a: "1", b: ["x", 2], c: true }, "spec");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SpecError);
      const message = (error as SpecError).message;
      expect(message).not.toContain("\n");
      expect(message).toContain("a: expected a number");
      expect(message).toContain("b[1]: expected text");
      expect(message).toContain("c: unknown field");
      expect((error as SpecError).path).toBe("a");
    }
  });

  it("names the document for a problem at its root", () => {
    expect(() => parseSpec(schema, "text", "recipe")).toThrow(/^recipe: /);
  });
});
