import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatNormalisedCsv, formatValue, NormalisedCsvError, NormalisedCsvReader, parseNormalisedCsv } from "@/lib/series/normalised-csv";

const text = (chunks: Iterable<string>) => [...chunks].join("");

describe("formatNormalisedCsv", () => {
  it("writes the header, ISO timestamps, shortest numbers and empty missing values", () => {
    const frame = {
      time: Float64Array.from([Date.UTC(2024, 2, 31, 1, 15), Date.UTC(2024, 2, 31, 1, 30, 5, 7)]),
      columns: [
        { name: "P", values: Float64Array.from([12.5, NaN]) },
        { name: 'a,"b"', values: Float64Array.from([0.1 + 0.2, -0]) },
      ],
    };
    expect(text(formatNormalisedCsv(frame))).toBe(
      'timestamp,P,"a,""b"""\n2024-03-31T01:15:00.000Z,12.5,0.30000000000000004\n2024-03-31T01:30:05.007Z,,0\n',
    );
  });

  it("writes every timestamp exactly as toISOString does, outside 1970…9999 and with fractions too", () => {
    const stamps = [0, -1, Date.UTC(1969, 11, 31, 23, 59, 59, 999), Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), 1.5, Date.UTC(2024, 1, 29, 12)];
    const lines = text(formatNormalisedCsv({ time: Float64Array.from(stamps), columns: [] })).trim().split("\n").slice(1);
    expect(lines).toEqual(stamps.map((s) => new Date(s).toISOString()));
  });

  it("agrees with toISOString and String on random rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1e12, max: 4e12 }), fc.double({ noNaN: false })), { maxLength: 30 }),
        (rows) => {
          const frame = { time: Float64Array.from(rows, (r) => r[0]), columns: [{ name: "v", values: Float64Array.from(rows, (r) => r[1]) }] };
          const expected = "timestamp,v\n" + rows.map(([time, v]) => `${new Date(time).toISOString()},${Number.isNaN(v) ? "" : String(v)}\n`).join("");
          return text(formatNormalisedCsv(frame)) === expected;
        },
      ),
    );
  });
});

describe("formatValue", () => {
  it("writes exactly what String writes", () => {
    for (const v of [0, -0, 1, -1, 0.5, -0.035, 12.5, 1e-6, 9.9e-7, 0.000015, 123456789.123456, 1e15 + 0.5, 0.1 + 0.2, 1e21, -1e-7, 5e-324, 2 ** 53, Infinity]) {
      expect(formatValue(v)).toBe(String(v));
    }
  });

  it("agrees with String on measured-looking decimals and on any double", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 8 })).map(([x, digits]) => Number(x.toFixed(digits))),
          fc.tuple(fc.double({ noNaN: true }), fc.integer({ min: 1, max: 17 })).map(([x, digits]) => Number(x.toPrecision(digits))),
          fc.double({ noNaN: true }),
        ),
        (v) => formatValue(v) === String(v),
      ),
      { numRuns: 20_000 },
    );
  });
});

describe("NormalisedCsvReader", () => {
  it("reads what the writer wrote, with units and missing values intact", () => {
    const frame = parseNormalisedCsv("timestamp,P,T\n2024-01-01T00:00:00.000Z,1.5,\n2024-01-01T00:15:00.000Z,-2,3e-7\n");
    expect(Array.from(frame.time)).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1, 0, 15)]);
    expect(frame.columns.map((c) => c.name)).toEqual(["P", "T"]);
    expect(Array.from(frame.columns[0].values)).toEqual([1.5, -2]);
    expect(Array.from(frame.columns[1].values)).toEqual([NaN, 3e-7]);
  });

  it("accepts CRLF, a BOM, quoted header names, blank lines, no final newline and short fractions", () => {
    const frame = parseNormalisedCsv('\uFEFFtimestamp,"a,b"\r\n\r\n2024-01-01T00:00:00Z,1\r\n2024-01-01T00:00:00.5Z,2');
    expect(frame.columns[0].name).toBe("a,b");
    expect(Array.from(frame.time)).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1) + 500]);
    expect(Array.from(frame.columns[0].values)).toEqual([1, 2]);
  });

  it("sorts rows by time, stably", () => {
    const frame = parseNormalisedCsv("timestamp,v\n2024-01-02T00:00:00.000Z,3\n2024-01-01T00:00:00.000Z,1\n2024-01-01T00:00:00.000Z,2\n");
    expect(Array.from(frame.columns[0].values)).toEqual([1, 2, 3]);
  });

  it("reads numbers exactly as Number() does, fast path or not", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true }).map(String),
            fc.integer().map(String),
            fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 9_999_999 })).map(([i, f]) => `${i}.${String(f).padStart(7, "0")}`),
            fc.constantFrom("0.1", "-0", ".5", "5.", "1e3", "-1.5E-3", "Infinity", " 7", "0x10", "00012.50", "123456789012345678", "0.30000000000000004"),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (fields) => {
          const csv = "timestamp,v\n" + fields.map((f, i) => `2024-01-01T00:00:${String(i).padStart(2, "0")}.000Z,${f}\n`).join("");
          const values = parseNormalisedCsv(csv).columns[0].values;
          return fields.every((f, i) => Object.is(values[i], Number(f)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the same frame whatever the chunking, bytes or text", () => {
    const csv = "timestamp,Wärme,b\n" + Array.from({ length: 50 }, (_, i) => `2024-01-01T00:${String(i).padStart(2, "0")}:00.000Z,${i * 1.25},${i % 3 ? "" : -i}\n`).join("");
    const whole = parseNormalisedCsv(csv);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 100 }), fc.boolean(), (sizes, asBytes) => {
        const reader = new NormalisedCsvReader();
        const bytes = new TextEncoder().encode(csv);
        let at = 0;
        for (let k = 0; at < bytes.length; k++) {
          const size = sizes[k % sizes.length];
          if (asBytes) reader.pushBytes(bytes.subarray(at, at + size));
          else reader.push(csv.slice(at, at + size));
          at += size;
        }
        const frame = reader.finish();
        return (
          frame.columns[0].name === "Wärme" &&
          frame.time.every((time, i) => time === whole.time[i]) &&
          frame.columns.every((column, c) => column.values.every((v, i) => Object.is(v, whole.columns[c].values[i])))
        );
      }),
      { numRuns: 200 },
    );
  });

  it("sizes the columns from expectedBytes and still returns exactly the rows read", () => {
    const rows = 5000;
    const csv = "timestamp,v\n" + Array.from({ length: rows }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString()},${i / 4}\n`).join("");
    const bytes = new TextEncoder().encode(csv);
    for (const expectedBytes of [bytes.length, bytes.length / 3, bytes.length * 3]) {
      const reader = new NormalisedCsvReader({ expectedBytes });
      for (let at = 0; at < bytes.length; at += 4096) reader.pushBytes(bytes.subarray(at, at + 4096));
      const frame = reader.finish();
      expect(frame.time).toHaveLength(rows);
      expect(frame.columns[0].values).toHaveLength(rows);
      expect(frame.columns[0].values[rows - 1]).toBe((rows - 1) / 4);
      expect(frame.time[rows - 1]).toBe(Date.UTC(2024, 0, 1) + (rows - 1) * 60_000);
    }
  });

  it("names the line of a malformed row", () => {
    expect(() => parseNormalisedCsv("time,v\n")).toThrow("line 1: expected a header starting with 'timestamp', found 'time'");
    expect(() => parseNormalisedCsv("")).toThrow(NormalisedCsvError);
    expect(() => parseNormalisedCsv("timestamp,v\n2024-01-01T00:00:00.000Z,1\n2024-01-01 00:00:00,2\n")).toThrow(
      "line 3: '2024-01-01 00:00:00' is not a UTC timestamp like 2024-01-31T23:00:00.000Z",
    );
    expect(() => parseNormalisedCsv("timestamp,v\n2024-01-01T00:00:00.000Z,abc\n")).toThrow("line 2: 'abc' is not a number");
    expect(() => parseNormalisedCsv("timestamp,v\n2024-01-01T00:00:00.000Z\n")).toThrow("line 2: expected 2 fields");
    expect(() => parseNormalisedCsv("timestamp,v\n2024-01-01T00:00:00.000Z,1,2\n")).toThrow("line 2: expected 2 fields");
    expect(() => parseNormalisedCsv("timestamp,v\n2024-01-01T00:00:00.0000Z,1\n")).toThrow(/line 2: .* is not a UTC timestamp/);
  });

  it("reads NaN as missing and an empty header-only file as an empty frame", () => {
    expect(parseNormalisedCsv("timestamp,v\n2024-01-01T00:00:00.000Z,NaN\n").columns[0].values[0]).toBeNaN();
    const empty = parseNormalisedCsv("timestamp,v\n");
    expect(empty.time).toHaveLength(0);
    expect(empty.columns[0].name).toBe("v");
  });
});
