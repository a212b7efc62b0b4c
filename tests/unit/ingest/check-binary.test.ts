import { describe, expect, it } from "vitest";
import { assertTextHead } from "@/lib/ingest/check-binary";
import { IngestError } from "@/lib/ingest/ingest-error";

describe("assertTextHead", () => {
  it("accepts text with tabs and line breaks", () => {
    expect(() => assertTextHead(new TextEncoder().encode("a\tb\r\n1\t2\n"), "utf-8")).not.toThrow();
  });

  it("rejects NUL bytes, control bytes and known binary formats with a one-line IngestError", () => {
    expect(() => assertTextHead(Uint8Array.from([0x61, 0, 0x62]), "utf-8")).toThrow(/NUL bytes/);
    expect(() => assertTextHead(Uint8Array.from(Array.from({ length: 100 }, (_, i) => i % 8)), "windows-1252")).toThrow(IngestError);
    expect(() => assertTextHead(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]), "utf-8")).toThrow(/xlsx/);
    expect(() => assertTextHead(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d]), "utf-8")).toThrow(/PDF/);
  });

  it("lets UTF-16 text, full of NUL bytes, through", () => {
    expect(() => assertTextHead(Uint8Array.from([0x61, 0, 0x62, 0]), "utf-16le")).not.toThrow();
  });
});
