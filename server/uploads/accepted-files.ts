import "server-only";
import { assertTextHead } from "@/lib/ingest/check-binary";
import { detectEncoding } from "@/lib/ingest/detect-encoding";
import { IngestError } from "@/lib/ingest/ingest-error";

const ACCEPTED_EXTENSION = /\.(csv|txt|tsv)$/i;

/** The reason a file name is refused, or null when it is a CSV/TXT export. */
export function refuseFilename(filename: string | null | undefined): string | null {
  if (!filename || !filename.trim()) return "The upload has no file name.";
  if (filename.length > 255) return "The file name is longer than 255 characters.";
  if (!ACCEPTED_EXTENSION.test(filename)) return "Only CSV and TXT files (.csv, .txt, .tsv) can be uploaded.";
  return null;
}

/** The reason the first bytes of a file are refused, or null when they look like text. */
export function refuseContent(head: Uint8Array): string | null {
  try {
    assertTextHead(head, detectEncoding(head).encoding);
    return null;
  } catch (error) {
    if (error instanceof IngestError) return `Only CSV and TXT files can be uploaded: ${error.message}.`;
    throw error;
  }
}
