import { describe, expect, it } from "vitest";
import { columnViews } from "@/lib/series/column-views";

describe("column views", () => {
  it("names every column in order and gives a unit only where there is one", () => {
    const values = new Float64Array(0);
    const frame = { time: values, columns: [{ name: "Außentemperatur", unit: "°C", values }, { name: "count", values }, { name: "empty unit", unit: "", values }] };
    expect(columnViews(frame)).toEqual([{ name: "Außentemperatur", unit: "°C" }, { name: "count" }, { name: "empty unit" }]);
    expect(Object.keys(columnViews(frame)[1])).toEqual(["name"]);
  });
});
