import { describe, expect, it } from "vitest";
import { createChunkDecoder } from "@/lib/ingest/chunk-decoder";
import { RestartImport } from "@/lib/ingest/restart-import";

describe("createChunkDecoder", () => {
  it("decodes a multi-byte character split across chunks without error", () => {
    const bytes = new TextEncoder().encode("Außentemperatur °C");
    const split = bytes.indexOf(0xc3) + 1;
    const decoder = createChunkDecoder("utf-8");
    expect(decoder.decode(bytes.slice(0, split)) + decoder.decode(bytes.slice(split)) + decoder.end()).toBe("Außentemperatur °C");
  });

  it("drops the BOM", () => {
    const decoder = createChunkDecoder("utf-8");
    expect(decoder.decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])) + decoder.end()).toBe("a");
  });

  it("decodes UTF-16 LE and BE with the BOM and split code units", () => {
    const le = createChunkDecoder("utf-16le");
    expect(le.decode(Uint8Array.from([0xff, 0xfe, 0xe4])) + le.decode(Uint8Array.from([0x00, 0x61, 0x00])) + le.end()).toBe("äa");
    const be = createChunkDecoder("utf-16be");
    expect(be.decode(Uint8Array.from([0xfe, 0xff, 0x00, 0xe4])) + be.end()).toBe("ä");
  });

  it("maps Windows-1252 bytes, including € and typographic quotes at 0x80–0x9F", () => {
    const decoder = createChunkDecoder("windows-1252");
    expect(decoder.decode(Uint8Array.from([0x57, 0xe4, 0x72, 0x6d, 0x65, 0x20, 0x80, 0x93, 0x94, 0xb0])) + decoder.end()).toBe("Wärme €“”°");
  });

  it("asks for a restart as Windows-1252 when invalid UTF-8 appears later in the stream", () => {
    const decoder = createChunkDecoder("utf-8");
    decoder.decode(new TextEncoder().encode("time;value\n"));
    let thrown: unknown;
    try {
      decoder.decode(Uint8Array.from([0x57, 0xe4, 0x72]));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RestartImport);
    expect((thrown as RestartImport).change).toEqual({ encoding: "windows-1252" });
  });

  it("asks for a restart when the stream ends inside a character", () => {
    const decoder = createChunkDecoder("utf-8");
    decoder.decode(Uint8Array.from([0x61, 0xc3]));
    expect(() => decoder.end()).toThrow(RestartImport);
  });
});
