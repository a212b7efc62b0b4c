import { describe, expect, it } from "vitest";
import { detectLayout } from "@/lib/ingest/detect-layout";
import { previewImport } from "@/lib/ingest/preview-import";
import { RestartImport } from "@/lib/ingest/restart-import";
import { StreamingImporter } from "@/lib/ingest/streaming-importer";

describe("previewImport", () => {
  const sample = "Zeit;Wert\n31.03.2024 01:45;1,5\n31.03.2024 02:15;2\n31.03.2024 03:00;3\n31.03.2024 03:15;4\n31.03.2024 03:3";

  it("parses the head as the import would, first rows only, with the report", () => {
    const layout = detectLayout(sample, { complete: false, options: { timezone: "Europe/Berlin" } });
    const { frame, report } = previewImport(sample, layout, false, 2);
    expect(Array.from(frame.time, (t) => new Date(t).toISOString())).toEqual(["2024-03-31T00:45:00.000Z", "2024-03-31T01:00:00.000Z"]);
    expect(Array.from(frame.columns[0].values)).toEqual([1.5, 3]);
    expect(report).toMatchObject({ rowsRead: 4, rowsImported: 3, skipped: [{ reason: "nonexistent local time", count: 1 }] });
  });

  it("follows an edited layout at once", () => {
    const layout = detectLayout(sample, { complete: false });
    const { frame } = previewImport(sample, { ...layout, decimal: "." }, false);
    expect(Array.from(frame.columns[0].values)).toEqual([NaN, 2, 3, 4]);
  });

  it("keeps the zone choice of the layout where the whole import would start again in the zone of the rows' DST changes", () => {
    const layout = detectLayout("Zeit;Wert\n31.03.2024 01:30;1\n31.03.2024 01:45;2\n", { complete: true, options: { userZone: "Asia/Tokyo" } });
    const withGap = "Zeit;Wert\n31.03.2024 01:30;1\n31.03.2024 01:45;2\n31.03.2024 03:00;3\n31.03.2024 03:15;4\n";
    expect(previewImport(withGap, layout, true).report.zone).toMatchObject({ zone: "Asia/Tokyo", source: "user-zone" });
    const importer = new StreamingImporter(layout);
    importer.push(new TextEncoder().encode(withGap));
    expect(() => importer.finish()).toThrow(RestartImport);
  });
});
