import { describe, expect, it } from "vitest";
import { IngestError } from "@/lib/ingest/ingest-error";
import { resolveColumn } from "@/lib/ingest/resolve-column";

describe("resolveColumn", () => {
  const names = ["Zeit", "Temp", "temp2"];

  it("finds names exactly, then ignoring case, and positions", () => {
    expect(resolveColumn("Temp", names)).toBe(1);
    expect(resolveColumn(" zeit ", names)).toBe(0);
    expect(resolveColumn(2, names)).toBe(2);
  });

  it("names the columns when one is not found", () => {
    expect(() => resolveColumn("Power", names)).toThrow(IngestError);
    expect(() => resolveColumn("Power", names)).toThrow("'Zeit', 'Temp', 'temp2'");
    expect(() => resolveColumn(3, names)).toThrow(/no column 3/);
  });
});
