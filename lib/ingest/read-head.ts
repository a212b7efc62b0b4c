import { assertTextHead } from "./check-binary";
import { createChunkDecoder } from "./chunk-decoder";
import { detectEncoding } from "./detect-encoding";
import { IngestError } from "./ingest-error";
import type { Encoding } from "./import-options";

export interface DecodedHead {
  encoding: Encoding;
  /** The decoded beginning of the file, without a byte-order mark. */
  sample: string;
}

/**
 * Decodes the head of a file for detection: the encoding (unless given), a binary-file
 * check, and the text. A head that stops being valid UTF-8 is read as Windows-1252.
 */
export function decodeHead(head: Uint8Array, encoding?: Encoding): DecodedHead {
  if (head.length === 0) throw new IngestError("the file is empty");
  const detected = encoding ?? detectEncoding(head).encoding;
  assertTextHead(head, detected);
  try {
    return { encoding: detected, sample: createChunkDecoder(detected).decode(head) };
  } catch {
    return { encoding: "windows-1252", sample: createChunkDecoder("windows-1252").decode(head) };
  }
}
