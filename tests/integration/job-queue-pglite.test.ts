import { afterAll, beforeAll, describe } from "vitest";
import type { Database } from "@/server/db/database";
import { migrate } from "@/server/db/migrate";
import { openPgliteDatabase } from "@/server/db/pglite-database";
import { describeJobQueue } from "../support/job-queue-spec";

describe("job queue on PGlite", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPgliteDatabase(null);
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
  });
  describeJobQueue(() => db, "queue-test");
});
