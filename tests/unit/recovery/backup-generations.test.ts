import { describe, expect, it } from "vitest";
import { backupGenerations } from "@/lib/recovery/backup-generations";

describe("backup generations", () => {
  const names = ["db-20261203T000000Z.tar.gz", "db-20261204T060000Z.tar.gz", "README", "db-20261204T000000Z.tar.gz.partial-x", "db-20261201T120000Z.tar.gz", "db-20261204T000000Z.tar.gz"];

  it("lists the backups newest first, ignoring other files and unfinished writes", () => {
    expect(backupGenerations(names, 10).backups.map((one) => one.name)).toEqual([
      "db-20261204T060000Z.tar.gz",
      "db-20261204T000000Z.tar.gz",
      "db-20261203T000000Z.tar.gz",
      "db-20261201T120000Z.tar.gz",
    ]);
    expect(backupGenerations(names, 10).prune).toEqual([]);
  });

  it("removes the oldest beyond the generations to keep", () => {
    expect(backupGenerations(names, 2).prune).toEqual(["db-20261203T000000Z.tar.gz", "db-20261201T120000Z.tar.gz"]);
  });

  it("has nothing when there is no backup", () => {
    expect(backupGenerations(["x.txt"], 5)).toEqual({ backups: [], prune: [] });
  });
});
