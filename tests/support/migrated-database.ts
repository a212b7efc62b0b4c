import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/server/db/database";
import { migrate } from "@/server/db/migrate";
import { openPgliteDatabase } from "@/server/db/pglite-database";
import { openPostgresDatabase } from "@/server/db/postgres-database";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * Registers hooks that give the suite a freshly migrated database — in-memory PGlite, or
 * a new database on the test PostgreSQL server — and returns a getter for it.
 */
export function useMigratedDatabase(kind: "pglite" | "postgres"): { db: () => Database; url: () => string } {
  let db: Database | undefined;
  let testDatabase: TestDatabase | undefined;
  beforeAll(async () => {
    if (kind === "postgres") {
      testDatabase = await createTestDatabase();
      db = openPostgresDatabase(testDatabase.url);
    } else {
      db = await openPgliteDatabase(null);
    }
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await testDatabase?.drop();
  });
  return {
    db: () => db!,
    url: () => {
      if (!testDatabase) throw new Error("only a PostgreSQL test database has a URL");
      return testDatabase.url;
    },
  };
}
