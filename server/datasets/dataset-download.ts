import "server-only";
import { formulaSafe } from "@/lib/export/formula-safe";
import { formatGermanExcelCsv, safeFileName } from "@/lib/export/german-excel-csv";
import type { Frame } from "@/lib/series/frame";
import { formatNormalisedCsv } from "@/lib/series/normalised-csv";
import { blobStore } from "@/server/storage/blob-store";
import type { OwnDataset } from "./dataset-access";

function textStream(chunks: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

const disposition = (fileName: string) => `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

const DOWNLOAD_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

// Column names are the only text cells: protect them; numbers stay numbers.
const formulaSafeNames = (frame: Frame): Frame => ({ time: frame.time, columns: frame.columns.map((column) => ({ ...column, name: formulaSafe(column.name) })) });

const csvDownload = (chunks: Iterator<string>, fileName: string) =>
  new Response(textStream(chunks), { headers: { ...DOWNLOAD_HEADERS, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": disposition(fileName) } });

/** A frame as a normalised CSV download with formula-safe column names. */
export function frameCsvDownload(frame: Frame, fileName: string): Response {
  return csvDownload(formatNormalisedCsv(formulaSafeNames(frame)), fileName);
}

/** Bytes stored as they are, as a download. */
export function bytesDownload(bytes: Uint8Array, contentType: string, fileName: string): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { ...DOWNLOAD_HEADERS, "Content-Type": contentType, "Content-Disposition": disposition(fileName) } });
}

/** The dataset as a download: normalised CSV, German Excel CSV (local time in `timeZone`) or the Arrow IPC file itself. */
export async function datasetDownload(dataset: OwnDataset, frame: () => Promise<Frame>, format: "csv" | "excel-de" | "arrow", timeZone: string): Promise<Response> {
  if (format === "arrow") return bytesDownload(await blobStore().get(dataset.blobKey), "application/vnd.apache.arrow.file", safeFileName(dataset.name, ".arrow"));
  const loaded = await frame();
  if (format === "csv") return frameCsvDownload(loaded, safeFileName(dataset.name, ".csv"));
  return csvDownload(formatGermanExcelCsv(formulaSafeNames(loaded), timeZone), safeFileName(dataset.name, "-excel-de.csv"));
}
