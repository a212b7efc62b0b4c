import { IngestError } from "./ingest-error";
import type { Encoding } from "./import-options";

const KNOWN_BINARY: Array<{ magic: number[]; what: string }> = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive or an Excel workbook (.xlsx): export the sheet as CSV" },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Excel workbook (.xls): export the sheet as CSV" },
  { magic: [0x1f, 0x8b], what: "a gzip archive: unpack it first" },
  { magic: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { magic: [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31], what: "an Arrow file" },
  { magic: [0x50, 0x41, 0x52, 0x31], what: "a Parquet file" },
];

/** Control bytes other than tab, LF, CR, FF and SUB that text exports never contain. */
function isForeignControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a;
}

/** Throws an IngestError when the head of a file is not text (NUL or other control bytes, known binary formats). */
export function assertTextHead(head: Uint8Array, encoding: Encoding): void {
  for (const { magic, what } of KNOWN_BINARY) {
    if (magic.every((byte, i) => head[i] === byte)) throw new IngestError(`this is not a text file: it looks like ${what}`);
  }
  if (encoding === "utf-16le" || encoding === "utf-16be") return;
  let foreign = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 0) throw new IngestError(`this is not a text file: it contains NUL bytes (byte ${i + 1})`);
    if (isForeignControl(head[i])) foreign++;
  }
  if (foreign > Math.max(8, head.length / 100)) {
    throw new IngestError("this is not a text file: it contains many control bytes");
  }
}
