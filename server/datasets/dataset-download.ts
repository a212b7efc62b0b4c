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

/** The dataset as a download: normalised CSV, German Excel CSV (local time in `timeZone`) or the Arrow IPC file itself. */
export async function datasetDownload(dataset: OwnDataset, frame: () => Promise<Frame>, format: "csv" | "excel-de" | "arrow", timeZone: string): Promise<Response> {
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "arrow") {
    const bytes = await blobStore().get(dataset.blobKey);
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { ...headers, "Content-Type": "application/vnd.apache.arrow.file", "Content-Disposition": disposition(safeFileName(dataset.name, ".arrow")) },
    });
  }
  const loaded = await frame();
  // Column names are the only text cells: protect them; numbers stay numbers.
  const safe: Frame = { time: loaded.time, columns: loaded.columns.map((column) => ({ ...column, name: formulaSafe(column.name) })) };
  const chunks = format === "csv" ? formatNormalisedCsv(safe) : formatGermanExcelCsv(safe, timeZone);
  const fileName = safeFileName(dataset.name, format === "csv" ? ".csv" : "-excel-de.csv");
  return new Response(textStream(chunks), {
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": disposition(fileName) },
  });
}
