import { describe, expect, it } from "vitest";
import { claimJob, enqueueJob, findJob, recordJobProgress, requeueRunningJobs } from "@/server/jobs/job-queue";
import { useMigratedDatabase } from "../support/migrated-database";

const OWNER = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";

describe("handing running jobs back to the queue (PGlite)", () => {
  const { db } = useMigratedDatabase("pglite");

  async function running(kind: string, workerId: string, maxAttempts = 3) {
    const job = await db().asUser(OWNER, (sql) => enqueueJob(sql, { ownerId: OWNER, kind, maxAttempts }));
    const claimed = await db().asService((sql) => claimJob(sql, workerId, [kind]));
    expect(claimed?.id).toBe(job.id);
    await db().asService((sql) => recordJobProgress(sql, job.id, workerId, { stage: "parsing", progress: 0.4, message: "half way" }));
    return job.id;
  }

  it("a stopping runner's jobs go back at once with their attempt not counted; other workers' jobs stay theirs", async () => {
    const mine = await running("stop", "stopping");
    const theirs = await running("stop", "other");
    const requeued = await db().asService((sql) => requeueRunningJobs(sql, "stopping"));
    expect(requeued.map((job) => job.id)).toEqual([mine]);
    expect(requeued[0]).toMatchObject({ status: "queued", stage: "queued", progress: 0, message: null, attempts: 0, locked_by: null, locked_until: null });
    expect(await db().asService((sql) => findJob(sql, theirs))).toMatchObject({ status: "running", locked_by: "other" });
    // Runnable now, not after a backoff.
    expect((await db().asService((sql) => claimJob(sql, "next", ["stop"])))?.id).toBe(mine);
  });

  it("after a crash every running job goes back with its attempt counted, and one out of attempts fails", async () => {
    const retried = await running("crash", "dead", 3);
    const exhausted = await running("crash", "dead", 1);
    const requeued = await db().asService((sql) => requeueRunningJobs(sql, null));
    expect(requeued.find((job) => job.id === retried)).toMatchObject({ status: "queued", attempts: 1, locked_by: null });
    expect(requeued.find((job) => job.id === exhausted)).toMatchObject({ status: "failed", stage: "failed", attempts: 1, message: "Chronoframe stopped during every attempt of this job." });
    const [ended] = await db().asService((sql) => sql.query<{ finished_at: Date | null }>("select finished_at from jobs where id = $1", [exhausted]));
    expect(ended.finished_at).not.toBeNull();
    expect((await db().asService((sql) => claimJob(sql, "next", ["crash"])))).toMatchObject({ id: retried, attempts: 2 });
  });
});
