import { afterAll, beforeAll, describe } from "vitest";
import type { Database } from "@/server/db/database";
import { migrate } from "@/server/db/migrate";
import { openPgliteDatabase } from "@/server/db/pglite-database";
import { describeRowLevelSecurity } from "../support/rls-spec";

describe("Row Level Security on PGlite (embedded mode)", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPgliteDatabase(null);
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
  });
  describeRowLevelSecurity(() => db);
});
