import { describe } from "vitest";
import { useMigratedDatabase } from "../support/migrated-database";
import { describeRowLevelSecurity } from "../support/rls-spec";

describe("Row Level Security on PGlite (embedded mode)", () => {
  describeRowLevelSecurity(useMigratedDatabase("pglite").db);
});
