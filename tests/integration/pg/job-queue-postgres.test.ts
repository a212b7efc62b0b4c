import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { claimJob, enqueueJob } from "@/server/jobs/job-queue";
import { migrate } from "@/server/db/migrate";
import { openPostgresDatabase } from "@/server/db/postgres-database";
import { describeJobQueue } from "../../support/job-queue-spec";
import { useMigratedDatabase } from "../../support/migrated-database";
import { createTestDatabase } from "../../support/test-database";

describe("job queue on PostgreSQL", () => {
  const { db: database, url } = useMigratedDatabase("postgres");

  describeJobQueue(database, "queue-test");

  it("hands each job to exactly one of many concurrent workers (separate connection pools)", async () => {
    const owner = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";
    const kind = "concurrency-test";
    const ids = new Set<string>();
    for (let i = 0; i < 60; i++) ids.add((await database().asUser(owner, (sql) => enqueueJob(sql, { ownerId: owner, kind }))).id);
    const workers = Array.from({ length: 6 }, () => openPostgresDatabase(url(), { max: 3 }));
    try {
      const claimedBy = await Promise.all(
        workers.map(async (worker, index) => {
          const mine: string[] = [];
          await Promise.all(
            Array.from({ length: 3 }, async () => {
              for (;;) {
                const job = await worker.asService((sql) => claimJob(sql, `worker-${index}`, [kind]));
                if (!job) return;
                mine.push(job.id);
              }
            }),
          );
          return mine;
        }),
      );
      const all = claimedBy.flat();
      expect(all).toHaveLength(60);
      expect(new Set(all)).toEqual(ids);
      expect(claimedBy.filter((mine) => mine.length > 0).length).toBeGreaterThan(1);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
    }
  });

  it("applies each migration once when several processes migrate a new database at the same time", async () => {
    const fresh = await createTestDatabase();
    const racers = Array.from({ length: 3 }, () => openPostgresDatabase(fresh.url, { max: 1 }));
    try {
      const applied = await Promise.all(racers.map((racer) => migrate(racer)));
      const migrations = readdirSync(path.resolve(__dirname, "../../../server/db/migrations")).filter((name) => name.endsWith(".sql"));
      expect(migrations.length).toBeGreaterThan(0);
      expect(applied.flat().sort()).toEqual(migrations.sort());
      expect(await migrate(racers[0])).toEqual([]);
    } finally {
      await Promise.all(racers.map((racer) => racer.close()));
      await fresh.drop();
    }
  });
});
