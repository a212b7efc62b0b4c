import { describe, expect, it } from "vitest";
import { formatGermanExcelCsv, formatGermanNumber, GermanLocalTimeFormatter, safeFileName } from "@/lib/export/german-excel-csv";

const utc = (iso: string) => Date.parse(iso);

describe("formatGermanNumber", () => {
  it("writes a decimal comma and keeps the sign and every digit", () => {
    expect(formatGermanNumber(12.5)).toBe("12,5");
    expect(formatGermanNumber(-0.035)).toBe("-0,035");
    expect(formatGermanNumber(-3)).toBe("-3");
    expect(formatGermanNumber(1234567.25)).toBe("1234567,25");
    expect(formatGermanNumber(0.1 + 0.2)).toBe("0,30000000000000004");
  });
});

describe("GermanLocalTimeFormatter", () => {
  it("writes wall-clock time in the zone across both DST changes, whatever the machine's zone", () => {
    const berlin = new GermanLocalTimeFormatter("Europe/Berlin");
    expect(berlin.format(utc("2024-03-31T00:45:00Z"))).toBe("31.03.2024 01:45:00");
    expect(berlin.format(utc("2024-03-31T01:00:00Z"))).toBe("31.03.2024 03:00:00");
    expect(berlin.format(utc("2024-10-27T00:30:00Z"))).toBe("27.10.2024 02:30:00");
    expect(berlin.format(utc("2024-10-27T01:30:00Z"))).toBe("27.10.2024 02:30:00");
    expect(berlin.format(utc("2024-10-27T02:00:00Z"))).toBe("27.10.2024 03:00:00");
    expect(berlin.format(utc("2024-01-05T23:59:59.250Z"))).toBe("06.01.2024 00:59:59,250");
    expect(new GermanLocalTimeFormatter("UTC").format(utc("1969-12-31T23:00:00Z"))).toBe("31.12.1969 23:00:00");
    expect(new GermanLocalTimeFormatter("Asia/Kathmandu").format(utc("2024-06-01T00:00:00Z"))).toBe("01.06.2024 05:45:00");
  });
});

describe("formatGermanExcelCsv", () => {
  it("BOM, semicolons, CRLF, a units row, protected names, empty missing cells, numbers untouched", () => {
    const frame = {
      time: new Float64Array([utc("2024-03-29T00:00:00Z"), utc("2024-03-29T00:15:00Z")]),
      columns: [
        { name: "Außentemperatur", unit: "°C", values: new Float64Array([2.57, NaN]) },
        { name: "=cmd|' /C calc'!A0", values: new Float64Array([-1.5, -20]) },
      ],
    };
    const text = [...formatGermanExcelCsv(frame, "Europe/Berlin")].join("");
    expect(text).toBe(
      "\uFEFFZeitstempel;Außentemperatur;'=cmd|' /C calc'!A0\r\n" + ";°C;\r\n" + "29.03.2024 01:00:00;2,57;-1,5\r\n" + "29.03.2024 01:15:00;;-20\r\n",
    );
  });
});

describe("safeFileName", () => {
  it("keeps only safe characters and drops the extension", () => {
    expect(safeFileName("building-logger-de.csv", ".arrow")).toBe("building-logger-de.arrow");
    expect(safeFileName('../../etc/passwd"; x=.csv', ".csv")).toBe("etc_passwd_x.csv");
    expect(safeFileName("Wärme März.txt", ".csv")).toBe("Warme_Marz.csv");
    expect(safeFileName("...", ".csv")).toBe("dataset.csv");
  });
});
