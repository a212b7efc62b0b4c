import { afterAll, beforeAll, describe } from "vitest";
import { migrate } from "@/server/db/migrate";
import { openPostgresDatabase } from "@/server/db/postgres-database";
import { checkUploadHandler } from "@/server/uploads/check-upload-handler";
import { CHECK_UPLOAD_JOB } from "@/server/uploads/job-kinds";
import { inProcessApp } from "../../support/in-process-app";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { describeUploadActions } from "../../support/upload-actions-spec";

describe("uploads never stranded, on PostgreSQL under RLS: completion, Remove, Retry, recognition", () => {
  let testDatabase: TestDatabase | undefined;
  const previousUrl = process.env.DATABASE_URL;
  // Before the app's hooks: the app's database is then this migrated PostgreSQL database.
  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    const db = openPostgresDatabase(testDatabase.url);
    await migrate(db);
    await db.close();
    process.env.DATABASE_URL = testDatabase.url;
  });
  afterAll(async () => {
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await testDatabase?.drop();
  });
  describeUploadActions(inProcessApp("upload-actions-pg", { [CHECK_UPLOAD_JOB]: checkUploadHandler }));
});
