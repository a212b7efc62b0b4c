import { describe, expect, it } from "vitest";
import { detectEncoding } from "@/lib/ingest/detect-encoding";

const utf16le = (text: string) => {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
};

describe("detectEncoding", () => {
  it("follows byte-order marks", () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: "utf-8", bomLength: 3 });
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x61, 0]))).toEqual({ encoding: "utf-16le", bomLength: 2 });
    expect(detectEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x61]))).toEqual({ encoding: "utf-16be", bomLength: 2 });
  });

  it("recognises UTF-16 without a BOM by its NUL bytes", () => {
    expect(detectEncoding(utf16le("time;value\n")).encoding).toBe("utf-16le");
    expect(detectEncoding(utf16le("time;value\n").slice(1)).encoding).toBe("utf-16be");
  });

  it("takes valid UTF-8 as UTF-8, even when the head cuts a character", () => {
    const bytes = new TextEncoder().encode("Wärme;°C");
    expect(detectEncoding(bytes).encoding).toBe("utf-8");
    expect(detectEncoding(bytes.slice(0, 2)).encoding).toBe("utf-8");
  });

  it("falls back to Windows-1252 for Latin-1 bytes", () => {
    expect(detectEncoding(Uint8Array.from([0x57, 0xe4, 0x72, 0x6d, 0x65])).encoding).toBe("windows-1252");
  });
});
