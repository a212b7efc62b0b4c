import { describe, expect, it } from "vitest";
import { detectHeaderRows } from "@/lib/ingest/detect-header-rows";
import { tokenizeSample } from "@/lib/ingest/tokenize-sample";

const readTime = (fields: readonly string[]) => (/^\d{4}-\d\d-\d\d/.test(fields[0] ?? "") ? 1 : NaN);

describe("detectHeaderRows", () => {
  it("finds metadata, header and units rows above the data", () => {
    const records = tokenizeSample("Logger: A\nSite: B\n\ntime;temp;power\n;°C;kW\n2024-01-01;1;2\n2024-01-02;3;4\n", ";", '"', true);
    expect(detectHeaderRows(records, 3, [0], readTime)).toEqual({ skipLines: 3, headerIndex: 3, unitsIndex: 4, firstDataIndex: 5 });
  });

  it("recognises a bracketed units row", () => {
    const records = tokenizeSample("time;temp\n[UTC];[°C]\n2024-01-01;1\n2024-01-02;3\n", ";", '"', true);
    expect(detectHeaderRows(records, 2, [0], readTime)).toMatchObject({ headerIndex: 0, unitsIndex: 1 });
  });

  it("takes a second text row with a time name as the header, not as units", () => {
    const records = tokenizeSample("Station;Berlin;\ntime;temp;hum\n2024-01-01;1;2\n2024-01-02;3;4\n", ";", '"', true);
    expect(detectHeaderRows(records, 3, [0], readTime)).toMatchObject({ skipLines: 1, headerIndex: 1, unitsIndex: null });
  });

  it("gives no header when the data starts at once, and skips a stray line that reads as a time", () => {
    const records = tokenizeSample("2024-01-01;1\n2024-01-02;2\n", ";", '"', true);
    expect(detectHeaderRows(records, 2, [0], readTime)).toEqual({ skipLines: 0, headerIndex: null, unitsIndex: null, firstDataIndex: 0 });
    const stray = tokenizeSample("2023-12-31 export\nx;y\ntime;v\n2024-01-01;1\n2024-01-02;2\n", ";", '"', true);
    expect(detectHeaderRows(stray, 2, [0], readTime)).toMatchObject({ headerIndex: 2, firstDataIndex: 3 });
  });

  it("gives null when no record reads as data", () => {
    expect(detectHeaderRows(tokenizeSample("a;b\nc;d\n", ";", '"', true), 2, [0], readTime)).toBeNull();
  });

  it("looks past comment lines between the header and the data", () => {
    const records = tokenizeSample("# exported\ntime;v\n# sensor A\n2024-01-01;1\n2024-01-02;2\n", ";", '"', true);
    expect(detectHeaderRows(records, 2, [0], readTime)).toMatchObject({ skipLines: 1, headerIndex: 1, firstDataIndex: 3 });
  });
});
