import { describe, expect, it } from "vitest";
import { closestTimeColumn } from "@/lib/ingest/closest-time-column";

describe("closestTimeColumn", () => {
  it("names the column a known format reads in part", () => {
    const records = [["a", "2024-01-01", "1"], ["b", "soon", "2"], ["c", "later", "3"]];
    expect(closestTimeColumn(records, 3, ["id", "when", "v"])).toBe("the closest is 'when', of which '%Y-%m-%d' reads only 1 of 3 values");
  });

  it("names the most date-like column when no format reads it", () => {
    const records = [["1", "12h09 26/03/14"], ["2", "13h09 26/03/14"]];
    expect(closestTimeColumn(records, 2, [])).toBe("the closest is column 2 ('12h09 26/03/14'), which no known format reads");
    expect(closestTimeColumn([["1", "2"]], 2, [])).toBe("no column holds date-like text or epoch-sized numbers");
  });
});
