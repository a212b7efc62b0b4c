import { describe, expect, it } from "vitest";
import { shift } from "@/lib/process/shift";
import { times, values } from "./series-arbitraries";

describe("shift", () => {
  it("adds the minutes to every timestamp and keeps the values", () => {
    const frame = { time: times("2024-01-01T00:00:00Z", "2024-01-01T00:15:00Z"), columns: [{ name: "v", values: values(1, NaN) }] };
    const result = shift(frame, { minutes: -90.5 });
    expect(Array.from(result.time)).toEqual(Array.from(times("2023-12-31T22:29:30Z", "2023-12-31T22:44:30Z")));
    expect(result.columns[0].values).toBe(frame.columns[0].values);
    expect(Array.from(frame.time)).toEqual(Array.from(times("2024-01-01T00:00:00Z", "2024-01-01T00:15:00Z")));
  });

  it("sorts unsorted input", () => {
    const result = shift({ time: times("2024-01-01T01:00:00Z", "2024-01-01T00:00:00Z"), columns: [{ name: "v", values: values(1, 0) }] }, { minutes: 1 });
    expect(Array.from(result.columns[0].values)).toEqual([0, 1]);
  });
});
