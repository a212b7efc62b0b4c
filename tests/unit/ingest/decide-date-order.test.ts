import { describe, expect, it } from "vitest";
import { decideDateOrder } from "@/lib/ingest/decide-date-order";

/** 01/02/2024 12:00:00 AM … in 37-minute steps over five days, as one real export writes them. */
function usClock(): string[] {
  const values: string[] = [];
  for (let t = Date.UTC(2024, 0, 2); t < Date.UTC(2024, 0, 5, 12); t += 37 * 60_000) {
    const d = new Date(t);
    const hour = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
    const two = (n: number) => String(n).padStart(2, "0");
    values.push(`${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/2024 ${hour}:${two(d.getUTCMinutes())}:00 ${d.getUTCHours() < 12 ? "AM" : "PM"}`);
  }
  return values;
}

describe("decideDateOrder", () => {
  it("reads 37-minute steps over five days month first by their regular sequence, whatever the locale", () => {
    const values = usClock();
    expect(values[0]).toBe("01/02/2024 12:00:00 AM");
    const decision = decideDateOrder(values, "%d/%m/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M:%S %p", false);
    expect(decision).toEqual({ format: "%m/%d/%Y %I:%M:%S %p", other: "%d/%m/%Y %I:%M:%S %p", decidedBy: "data" });
  });

  it("reads daily dates day first when only that order gives one-day steps, also newest first", () => {
    const days = ["01/02/2024", "02/02/2024", "03/02/2024", "04/02/2024", "05/02/2024"];
    expect(decideDateOrder(days, "%m/%d/%Y", "%d/%m/%Y", true)).toMatchObject({ format: "%d/%m/%Y", decidedBy: "data" });
    expect(decideDateOrder([...days].reverse(), "%m/%d/%Y", "%d/%m/%Y", true)).toMatchObject({ format: "%d/%m/%Y", decidedBy: "data" });
  });

  it("falls back to the 12-hour clock (month first), then to the locale, when the data cannot tell", () => {
    expect(decideDateOrder(["03/04/2024 1:00 PM"], "%d/%m/%Y %I:%M %p", "%m/%d/%Y %I:%M %p", false)).toMatchObject({ format: "%m/%d/%Y %I:%M %p", decidedBy: "12-hour-clock" });
    expect(decideDateOrder(["03/04/2024"], "%m/%d/%Y", "%d/%m/%Y", false)).toEqual({ format: "%d/%m/%Y", other: "%m/%d/%Y", decidedBy: "locale" });
    expect(decideDateOrder(["03/04/2024"], "%d/%m/%Y", "%m/%d/%Y", true)).toMatchObject({ format: "%m/%d/%Y", decidedBy: "locale" });
  });
});
