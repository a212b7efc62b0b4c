import "server-only";
import { createHash } from "node:crypto";
import { detectDelimiter } from "@/lib/ingest/detect-delimiter";
import { IngestError } from "@/lib/ingest/ingest-error";
import { decodeHead } from "@/lib/ingest/read-head";
import { UPLOAD_HEAD_CHECKSUM_BYTES } from "@/lib/contracts/upload-actions";
import type { Task } from "@/server/jobs/task-types";
import { uploadStore } from "./upload-store";

const HEAD_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

export interface UploadCheck {
  sizeBytes: number;
  lineCount: number;
  sha256: string;
  /** SHA-256 of the first UPLOAD_HEAD_CHECKSUM_BYTES, to recognise the file when it is added again. */
  headSha256: string;
  encoding: string;
  delimiter: string;
}

/** Reads the whole uploaded file once: size, lines, SHA-256 (of all and of its head), and a first sniff of encoding and delimiter. */
export const checkUploadTask: Task = async (payload, report) => {
  const uploadId = String(payload.uploadId);
  const expectedBytes = Number(payload.sizeBytes ?? 0);
  const stream = await uploadStore().read(uploadId);
  const hash = createHash("sha256");
  const headHash = createHash("sha256");
  const head = new Uint8Array(HEAD_BYTES);
  let headLength = 0;
  let sizeBytes = 0;
  let newlines = 0;
  let lastByte = -1;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (sizeBytes < UPLOAD_HEAD_CHECKSUM_BYTES) headHash.update(chunk.subarray(0, UPLOAD_HEAD_CHECKSUM_BYTES - sizeBytes));
    if (headLength < HEAD_BYTES) {
      const take = Math.min(HEAD_BYTES - headLength, chunk.length);
      head.set(chunk.subarray(0, take), headLength);
      headLength += take;
    }
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) newlines++;
    sizeBytes += chunk.length;
    lastByte = chunk[chunk.length - 1];
    report({ stage: "checking", progress: expectedBytes > 0 ? sizeBytes / expectedBytes : 0, message: `${sizeBytes} bytes read` });
  }
  let decoded;
  try {
    decoded = decodeHead(head.subarray(0, headLength));
  } catch (error) {
    if (error instanceof IngestError) return { ok: false, userMessage: `${error.message[0].toUpperCase()}${error.message.slice(1)}.` };
    throw error;
  }
  const check: UploadCheck = {
    sizeBytes,
    lineCount: newlines + (lastByte === NEWLINE ? 0 : 1),
    sha256: hash.digest("hex"),
    headSha256: headHash.digest("hex"),
    encoding: decoded.encoding,
    delimiter: detectDelimiter(decoded.sample, '"', sizeBytes <= HEAD_BYTES),
  };
  return { ok: true, result: check };
};
