import type { Encoding } from "./import-options";

export interface DetectedEncoding {
  encoding: Encoding;
  /** Length of the byte-order mark at the start of the file (0 when none). */
  bomLength: number;
}

/** Share of NUL bytes at odd (LE) or even (BE) positions that marks BOM-less UTF-16 text. */
const UTF16_NUL_SHARE = 0.3;

function nulShare(head: Uint8Array, parity: 0 | 1): number {
  let nul = 0;
  let total = 0;
  for (let i = parity; i < head.length; i += 2) {
    total++;
    if (head[i] === 0) nul++;
  }
  return total === 0 ? 0 : nul / total;
}

function isValidUtf8(head: Uint8Array): boolean {
  try {
    // stream: true so that a character cut by the end of the head is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Encoding of a file from its first bytes: a BOM decides; otherwise UTF-16 is recognised by
 * its NUL pattern, valid UTF-8 is UTF-8, and anything else is Windows-1252 (a superset of
 * Latin-1 for printable text). The streaming decoder re-checks UTF-8 on the whole stream.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  if (head.length >= 4) {
    if (nulShare(head, 1) > UTF16_NUL_SHARE && nulShare(head, 0) < 0.05) return { encoding: "utf-16le", bomLength: 0 };
    if (nulShare(head, 0) > UTF16_NUL_SHARE && nulShare(head, 1) < 0.05) return { encoding: "utf-16be", bomLength: 0 };
  }
  return { encoding: isValidUtf8(head) ? "utf-8" : "windows-1252", bomLength: 0 };
}
