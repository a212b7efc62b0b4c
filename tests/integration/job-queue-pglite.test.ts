import { describe } from "vitest";
import { describeJobQueue } from "../support/job-queue-spec";
import { useMigratedDatabase } from "../support/migrated-database";

describe("job queue on PGlite", () => {
  describeJobQueue(useMigratedDatabase("pglite").db, "queue-test");
});
