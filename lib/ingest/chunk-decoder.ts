import type { Encoding } from "./import-options";
import { RestartImport } from "./restart-import";

/** Windows-1252 characters at bytes 0x80–0x9F (where Latin-1 has C1 controls); runtimes differ here, so map them ourselves. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const C1_RANGE = /[\u0080-\u009f]/g;

function fixCp1252(text: string): string {
  return text.replace(C1_RANGE, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
}

export interface ChunkDecoder {
  /** Decodes the next chunk; bytes of a character split across chunks wait for the next call. */
  decode(bytes: Uint8Array): string;
  /** Flushes what is left at the end of the stream. */
  end(): string;
}

/**
 * A streaming decoder. The byte-order mark is dropped. Invalid UTF-8 anywhere in the stream
 * throws RestartImport asking for Windows-1252, since the encoding is decided on the whole file.
 */
export function createChunkDecoder(encoding: Encoding): ChunkDecoder {
  if (encoding === "windows-1252") {
    const latin = new TextDecoder("windows-1252");
    return { decode: (bytes) => fixCp1252(latin.decode(bytes, { stream: true })), end: () => fixCp1252(latin.decode()) };
  }
  const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
  const guard = (decode: () => string): string => {
    try {
      return decode();
    } catch {
      throw new RestartImport({ encoding: "windows-1252" }, "the file is not valid UTF-8; reading it as Windows-1252");
    }
  };
  return {
    decode: (bytes) => guard(() => decoder.decode(bytes, { stream: true })),
    end: () => guard(() => decoder.decode()),
  };
}
