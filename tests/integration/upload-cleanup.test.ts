import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/database";
import { migrate } from "@/server/db/migrate";
import { openPgliteDatabase } from "@/server/db/pglite-database";
import { cleanUpUploads } from "@/server/uploads/cleanup";
import { insertUpload, setUploadStatus } from "@/server/uploads/upload-records";
import { fileUploadStore, type UploadStore } from "@/server/uploads/upload-store";

const OWNER = "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee";
const TWO_HOURS_AGO = new Date(Date.now() - 2 * 3600_000);

describe("cleanup of expired uploads and orphaned files", () => {
  let db: Database;
  let dir: string;
  let store: UploadStore;

  beforeAll(async () => {
    db = await openPgliteDatabase(null);
    await migrate(db);
    dir = await mkdtemp(path.join(tmpdir(), "chronoframe-cleanup-"));
    await mkdir(dir, { recursive: true });
    store = fileUploadStore(dir, 24 * 3600_000);
  });
  afterAll(async () => {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function storedFile(id: string, modified: Date): Promise<void> {
    for (const name of [id, `${id}.json`]) {
      await writeFile(path.join(dir, name), "t,v\n");
      await utimes(path.join(dir, name), modified, modified);
    }
  }

  async function uploadRow(id: string, expiresAt: Date, status?: "ready"): Promise<void> {
    await db.asUser(OWNER, async (sql) => {
      await insertUpload(sql, { id, ownerId: OWNER, filename: "a.csv", sizeBytes: 4, expiresAt });
      if (status) await setUploadStatus(sql, id, status);
    });
  }

  it("expires unfinished uploads past their time, removes orphans, keeps everything still needed", async () => {
    const expired = randomUUID();
    const ready = randomUUID();
    const unfinished = randomUUID();
    const orphan = randomUUID();
    const freshOrphan = randomUUID();
    await uploadRow(expired, new Date(Date.now() - 1000));
    await uploadRow(ready, new Date(Date.now() - 1000), "ready");
    await uploadRow(unfinished, new Date(Date.now() + 3600_000));
    for (const id of [expired, ready, unfinished, orphan]) await storedFile(id, TWO_HOURS_AGO);
    await storedFile(freshOrphan, new Date());
    await writeFile(path.join(dir, "not-an-upload.txt"), "left alone");

    const report = await cleanUpUploads(db, store);

    expect(report).toEqual({ completedUploads: 0, expiredUploads: 1, removedFiles: 2 });
    const gone = (id: string) => !existsSync(path.join(dir, id)) && !existsSync(path.join(dir, `${id}.json`));
    expect(gone(expired)).toBe(true);
    expect(gone(orphan)).toBe(true);
    expect(gone(ready)).toBe(false);
    expect(gone(unfinished)).toBe(false);
    expect(gone(freshOrphan)).toBe(false);
    expect(existsSync(path.join(dir, "not-an-upload.txt"))).toBe(true);
    const statuses = await db.asUser(OWNER, (sql) => sql.query<{ id: string; status: string }>("select id::text, status from uploads"));
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({ [expired]: "expired", [ready]: "ready", [unfinished]: "uploading" });
  });

  it("runs again without errors when there is nothing to do", async () => {
    expect(await cleanUpUploads(db, store)).toEqual({ completedUploads: 0, expiredUploads: 0, removedFiles: 0 });
  });
});
