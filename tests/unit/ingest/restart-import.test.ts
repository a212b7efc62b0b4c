import { describe, expect, it } from "vitest";
import { RestartImport } from "@/lib/ingest/restart-import";

describe("RestartImport", () => {
  it("carries the change to apply and the reason", () => {
    const restart = new RestartImport({ encoding: "windows-1252" }, "not UTF-8");
    expect(restart.change).toEqual({ encoding: "windows-1252" });
    expect(restart.message).toBe("not UTF-8");
  });
});
