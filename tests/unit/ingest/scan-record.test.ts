import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FieldBuffer, RecordScanner } from "@/lib/ingest/scan-record";

function records(text: string, delimiter = ",", atEnd = true): { fields: string[][]; rest: number } {
  const scanner = new RecordScanner(delimiter, '"');
  const buffer = new FieldBuffer();
  scanner.reset(text);
  const fields: string[][] = [];
  let pos = 0;
  while (pos < text.length) {
    const next = scanner.next(pos, buffer, atEnd);
    if (next === -1) break;
    fields.push(Array.from({ length: buffer.count }, (_, i) => buffer.field(text, i)));
    pos = next;
  }
  return { fields, rest: pos };
}

describe("RecordScanner", () => {
  it("splits LF, CRLF and lone-CR lines and keeps empty fields", () => {
    expect(records("a,b\r\nc,\nd,e\rf").fields).toEqual([["a", "b"], ["c", ""], ["d", "e"], ["f"]]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    const { fields } = records('t,"a, b","say ""hi""","line1\nline2"\n2,x,y,z\n');
    expect(fields).toEqual([["t", "a, b", 'say "hi"', "line1\nline2"], ["2", "x", "y", "z"]]);
  });

  it("counts line breaks inside quoted fields", () => {
    const scanner = new RecordScanner(",", '"');
    const buffer = new FieldBuffer();
    scanner.reset('"a\nb\nc",1\n');
    scanner.next(0, buffer, true);
    expect(buffer.innerLineBreaks).toBe(2);
  });

  it("stops before an incomplete record when more input may come", () => {
    expect(records("a,b\nc,d", ",", false)).toEqual({ fields: [["a", "b"]], rest: 4 });
    expect(records('a,b\n"c\n', ",", false).rest).toBe(4);
    expect(records("a,b\r", ",", false).rest).toBe(0);
  });

  it("keeps text after a closing quote and reads an unterminated quote to the end", () => {
    expect(records('"a" b,c\n"open').fields).toEqual([["a b", "c"], ["open"]]);
  });

  it("gives the same fields whatever the split point of the input (fast and slow paths agree)", () => {
    const cell = fc.oneof(fc.stringMatching(/^[a-z0-9 .]{0,5}$/), fc.stringMatching(/^[a-z,;\n"]{0,5}$/).map((s) => `"${s.replace(/"/g, '""')}"`));
    const line = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(";"));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom("\n", "\r\n"), (lines, eol) => {
        const text = lines.join(eol) + eol;
        const whole = records(text, ";").fields;
        const expected = lines.map((l) => records(l + eol, ";").fields[0]);
        expect(whole).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
