import { describe, expect, it } from "vitest";
import { backupFileName, backupTakenAt, utcStamp } from "@/lib/recovery/backup-file-name";

describe("backup file names", () => {
  it("name a backup by its UTC time to the second, whatever the local zone", () => {
    const date = new Date("2026-12-04T18:30:05.123Z");
    expect(utcStamp(date)).toBe("20261204T183005Z");
    expect(backupFileName(date)).toBe("db-20261204T183005Z.tar.gz");
  });

  it("read the time back from a complete backup's name", () => {
    expect(backupTakenAt("db-20261204T183005Z.tar.gz")?.toISOString()).toBe("2026-12-04T18:30:05.000Z");
  });

  it("do not take a half-written file, another file or an impossible date for a backup", () => {
    expect(backupTakenAt("db-20261204T183005Z.tar.gz.partial-1234")).toBeNull();
    expect(backupTakenAt("db-20261204T183005Z.tar")).toBeNull();
    expect(backupTakenAt("notes.txt")).toBeNull();
    expect(backupTakenAt("db-20261332T250000Z.tar.gz")).toBeNull();
  });
});
