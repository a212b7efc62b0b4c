import { describe, expect, it } from "vitest";
import { detectDelimiter } from "@/lib/ingest/detect-delimiter";

describe("detectDelimiter", () => {
  it("finds each delimiter", () => {
    expect(detectDelimiter("t,a,b\n1,2,3\n4,5,6\n", '"', true)).toBe(",");
    expect(detectDelimiter("t;a\n1;2\n", '"', true)).toBe(";");
    expect(detectDelimiter("t\ta\n1\t2\n", '"', true)).toBe("\t");
    expect(detectDelimiter("t|a\n1|2\n", '"', true)).toBe("|");
  });

  it("prefers ; over the commas of decimal numbers", () => {
    expect(detectDelimiter("Zeit;Wert\n31.03.2024 02:15;12,5\n31.03.2024 02:30;13,5\n", '"', true)).toBe(";");
  });

  it("ignores delimiters inside quotes and metadata lines above the data", () => {
    const text = 'Logger: A;B;C;D\nExport, 2024\ntime,value,note\n2024-01-01,1,"x;y"\n2024-01-02,2,"z;w"\n2024-01-03,3,"q"\n';
    expect(detectDelimiter(text, '"', true)).toBe(",");
  });

  it("falls back to a comma for one-column text", () => {
    expect(detectDelimiter("a\nb\nc\n", '"', true)).toBe(",");
  });
});
