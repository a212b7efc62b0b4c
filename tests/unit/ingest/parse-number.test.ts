import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NumberReader } from "@/lib/ingest/parse-number";

describe("NumberReader", () => {
  it("reads decimal points, signs, exponents and surrounding spaces", () => {
    const reader = new NumberReader(".", "");
    expect(reader.parse("12.5")).toBe(12.5);
    expect(reader.parse(" -0.001 ")).toBe(-0.001);
    expect(reader.parse("+3")).toBe(3);
    expect(reader.parse(".5")).toBe(0.5);
    expect(reader.parse("5.")).toBe(5);
    expect(reader.parse("1.5e3")).toBe(1500);
    expect(reader.parse("2E-2")).toBe(0.02);
    expect(reader.parse("−4")).toBe(-4);
  });

  it("reads decimal commas and thousands separators", () => {
    expect(new NumberReader(",", "").parse("12,5")).toBe(12.5);
    expect(new NumberReader(",", ".").parse("1.234,5")).toBe(1234.5);
    expect(new NumberReader(",", ".").parse("-1.234.567")).toBe(-1234567);
    expect(new NumberReader(".", ",").parse("1,234.5")).toBe(1234.5);
    expect(new NumberReader(",", " ").parse("1 234,5")).toBe(1234.5);
    expect(new NumberReader(",", " ").parse("1\u00a0234,5")).toBe(1234.5);
    expect(new NumberReader(".", "'").parse("1'234.5")).toBe(1234.5);
  });

  it("gives NaN for text, the wrong decimal mark and empty cells", () => {
    const reader = new NumberReader(",", "");
    for (const text of ["", " ", "abc", "12.5", "1,2,3", "-", "1e", "e5", "12x", "NaN", ",", "1,5x"]) expect(reader.parse(text)).toBeNaN();
  });

  it("reads a slice of a line without copying it", () => {
    expect(new NumberReader(",", "").parse("a;12,75;b", 2, 7)).toBe(12.75);
  });

  it("rounds every double's shortest form back to the same double (fast and slow paths)", () => {
    const reader = new NumberReader(".", "");
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(Object.is(reader.parse(String(value)), value) || (value === 0 && reader.parse(String(value)) === 0)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees with Number() on decimal strings of up to 20 digits", () => {
    const reader = new NumberReader(",", "");
    fc.assert(
      fc.property(fc.stringMatching(/^-?[0-9]{1,12},[0-9]{1,8}$/), (text) => {
        expect(reader.parse(text)).toBe(Number(text.replace(",", ".")));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("NumberReader with units in the cells", () => {
  it("reads a number followed by a unit after a space, or a percent sign", () => {
    const reader = new NumberReader(",", "");
    expect(reader.parse("21,5 °C")).toBe(21.5);
    expect(reader.parse("3 kWh")).toBe(3);
    expect(reader.parse("45%")).toBe(45);
    expect(reader.parse("1,2345678901234567 m³")).toBe(1.2345678901234567);
  });

  it("rejects suffixes with digits, glued letters and long text", () => {
    const reader = new NumberReader(",", "");
    expect(reader.parse("12 34")).toBeNaN();
    expect(reader.parse("12abc")).toBeNaN();
    expect(reader.parse("5 m2")).toBeNaN();
    expect(reader.parse("5 this is a long remark")).toBeNaN();
  });
});
