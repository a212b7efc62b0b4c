import { describe, expect, it } from "vitest";
import { IngestError } from "@/lib/ingest/ingest-error";
import { decodeHead } from "@/lib/ingest/read-head";

describe("decodeHead", () => {
  it("detects the encoding and decodes the sample without BOM", () => {
    expect(decodeHead(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x3b, 0x62]))).toEqual({ encoding: "utf-8", sample: "a;b" });
    expect(decodeHead(Uint8Array.from([0x61, 0xe4, 0x62]))).toEqual({ encoding: "windows-1252", sample: "aäb" });
  });

  it("uses the given encoding", () => {
    expect(decodeHead(Uint8Array.from([0x61, 0x00]), "utf-16le").sample).toBe("a");
  });

  it("rejects empty and binary heads", () => {
    expect(() => decodeHead(new Uint8Array())).toThrow(/empty/);
    expect(() => decodeHead(Uint8Array.from([0x61, 0x00, 0x00, 0x62, 0x63]))).toThrow(IngestError);
  });
});
