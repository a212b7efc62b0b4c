import { describe, expect, it } from "vitest";
import { detectNumberFormat } from "@/lib/ingest/detect-number-format";

describe("detectNumberFormat", () => {
  it("finds decimal commas and points", () => {
    expect(detectNumberFormat(["12,5", "-3,25", ""], ";")).toEqual({ decimal: ",", thousands: "" });
    expect(detectNumberFormat(["12.5", "-3.25"], ",")).toEqual({ decimal: ".", thousands: "" });
  });

  it("finds thousands separators", () => {
    expect(detectNumberFormat(["1.234,5", "12,5"], ";")).toEqual({ decimal: ",", thousands: "." });
    expect(detectNumberFormat(["1,234.5", "2,000,000"], "\t")).toEqual({ decimal: ".", thousands: "," });
    expect(detectNumberFormat(["1 234,5", "12,5"], ";")).toEqual({ decimal: ",", thousands: " " });
    expect(detectNumberFormat(["1'234.5"], ";")).toEqual({ decimal: ".", thousands: "'" });
  });

  it("reads three-decimal values by the delimiter: 12,345 in a ; file is a decimal comma, 1.234 a decimal point", () => {
    expect(detectNumberFormat(["12,345", "1,500"], ";").decimal).toBe(",");
    expect(detectNumberFormat(["1.234", "5.678"], ";").decimal).toBe(".");
    expect(detectNumberFormat(["1.234", "12,5"], ";")).toEqual({ decimal: ",", thousands: "." });
  });

  it("defaults by the delimiter for integers", () => {
    expect(detectNumberFormat(["1", "2"], ";").decimal).toBe(",");
    expect(detectNumberFormat(["1", "2"], ",").decimal).toBe(".");
  });
});
