import { describe, expect, it } from "vitest";
import { sampleTimeReader } from "@/lib/ingest/read-sample-time";

describe("sampleTimeReader", () => {
  it("reads combined, date + time and epoch layouts", () => {
    expect(sampleTimeReader({ kind: "combined", columns: [1], format: "%Y-%m-%d %H:%M", hasOffset: false, ambiguity: null, dateOrderBy: "unambiguous" })(["x", "2024-01-01 10:00"])).toBe(Date.UTC(2024, 0, 1, 10));
    expect(sampleTimeReader({ kind: "dateTime", columns: [0, 1], format: "%d.%m.%Y %H:%M", hasOffset: false, ambiguity: null, dateOrderBy: "unambiguous" })(["01.02.2024", " 10:30 "])).toBe(Date.UTC(2024, 1, 1, 10, 30));
    expect(sampleTimeReader({ kind: "epochSeconds", columns: [0], format: "", hasOffset: true, ambiguity: null, dateOrderBy: "unambiguous" })(["1704067200"])).toBe(Date.UTC(2024, 0, 1));
  });

  it("gives NaN for missing fields", () => {
    expect(sampleTimeReader({ kind: "dateTime", columns: [0, 1], format: "%d.%m.%Y %H:%M", hasOffset: false, ambiguity: null, dateOrderBy: "unambiguous" })(["01.02.2024"])).toBeNaN();
    expect(sampleTimeReader({ kind: "epochMillis", columns: [0], format: "", hasOffset: true, ambiguity: null, dateOrderBy: "unambiguous" })([""])).toBeNaN();
  });
});
