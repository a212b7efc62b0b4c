import { afterAll, beforeAll, describe } from "vitest";
import type { Database } from "@/server/db/database";
import { migrate } from "@/server/db/migrate";
import { openPostgresDatabase } from "@/server/db/postgres-database";
import { describeRowLevelSecurity } from "../../support/rls-spec";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

describe("Row Level Security on PostgreSQL", () => {
  let testDatabase: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    db = openPostgresDatabase(testDatabase.url);
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await testDatabase?.drop();
  });
  describeRowLevelSecurity(() => db);
});
