import type { Frame } from "@/lib/series/frame";
import type { ImportReport } from "./import-report";
import type { Layout } from "./layout";
import { StreamingImporter } from "./streaming-importer";

export interface ImportPreview {
  /** The first rows of the sample as they would be imported (sorted by time). */
  frame: Frame;
  /** The report over the whole sample: skipped rows with their lines, text cells, dropped columns. */
  report: ImportReport;
}

/**
 * Imports the decoded head of a file with a (detected or edited) layout, for the wizard's
 * preview: the same parser as the real import, so the preview never disagrees with it.
 * A sample cut from a longer file loses its last, partial line. Throws IngestError as the
 * import would.
 */
export function previewImport(sample: string, layout: Layout, complete: boolean, rows = 20): ImportPreview {
  const lastBreak = Math.max(sample.lastIndexOf("\n"), sample.lastIndexOf("\r"));
  const text = complete || lastBreak === -1 ? sample : sample.slice(0, lastBreak + 1);
  const importer = new StreamingImporter({ ...layout, encoding: "utf-8" }, { wholeFile: false });
  importer.push(new TextEncoder().encode(text));
  const { frame, report } = importer.finish();
  return {
    frame: { time: frame.time.slice(0, rows), columns: frame.columns.map((column) => ({ ...column, values: column.values.slice(0, rows) })) },
    report,
  };
}
