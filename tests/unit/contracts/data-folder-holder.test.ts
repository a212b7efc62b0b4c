import { describe, expect, it } from "vitest";
import { dataFolderHolderSchema, folderInUseMessage } from "@/lib/contracts/data-folder-holder";

const holder = { pid: 4242, port: 3000, role: "web server", startedAt: "2026-12-04T18:00:00.000Z" };

describe("the holder of a data folder", () => {
  it("names the web server by its pid and port, any other process by its pid and role", () => {
    expect(folderInUseMessage("/srv/chronoframe/.data/db", holder)).toBe("Another Chronoframe (pid 4242, port 3000) is using /srv/chronoframe/.data/db");
    expect(folderInUseMessage("/d/db", { ...holder, port: null, role: "db:migrate" })).toBe("Another Chronoframe (pid 4242, db:migrate) is using /d/db");
    expect(folderInUseMessage("/d/db", null)).toBe("Another Chronoframe is using /d/db");
  });

  it("accepts the holder's answer and refuses anything else", () => {
    expect(dataFolderHolderSchema.parse(holder)).toEqual(holder);
    for (const answer of [{ ...holder, pid: 0 }, { ...holder, port: "3000" }, { ...holder, role: "" }, { pid: 1 }, "busy", null]) {
      expect(dataFolderHolderSchema.safeParse(answer).success).toBe(false);
    }
  });
});
