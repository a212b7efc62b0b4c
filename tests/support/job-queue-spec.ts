import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { Database } from "@/server/db/database";
import { toJobDetail } from "@/server/jobs/job-detail";
import { claimJob, completeJob, enqueueJob, expireStuckJobs, failJob, findJob } from "@/server/jobs/job-queue";
import { TRAIN_MODELS_JOB } from "@/server/train/train-models-job";

const OWNER = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

/** The durable job queue's contract, against whichever database `open` gives. */
export function describeJobQueue(open: () => Database, kind: string): void {
  it("claims the oldest runnable job once, with its attempt counted and its sequence advanced", async () => {
    const db = open();
    const job = await db.asUser(OWNER, (sql) => enqueueJob(sql, { ownerId: OWNER, kind, payload: { n: 1 } }));
    expect(job).toMatchObject({ status: "queued", attempts: 0 });
    const claimed = await db.asService((sql) => claimJob(sql, "worker-1", [kind]));
    expect(claimed).toMatchObject({ id: job.id, status: "running", attempts: 1, locked_by: "worker-1", payload: { n: 1 } });
    expect(Number(claimed!.seq)).toBeGreaterThan(Number(job.seq));
    expect(await db.asService((sql) => claimJob(sql, "worker-2", [kind]))).toBeNull();
    const done = await db.asService((sql) => completeJob(sql, job.id, "worker-1", { ok: true }));
    expect(done).toMatchObject({ status: "succeeded", progress: 1 });
  });

  it("only the claiming worker can complete a job", async () => {
    const db = open();
    const job = await db.asUser(OWNER, (sql) => enqueueJob(sql, { ownerId: OWNER, kind }));
    await db.asService((sql) => claimJob(sql, "worker-1", [kind]));
    expect(await db.asService((sql) => completeJob(sql, job.id, "intruder", null))).toBeNull();
    expect((await db.asService((sql) => findJob(sql, job.id)))?.status).toBe("running");
    await db.asService((sql) => completeJob(sql, job.id, "worker-1", null));
  });

  it("retries a crashed job with growing backoff, then fails it for good after the last attempt", async () => {
    const db = open();
    const job = await db.asUser(OWNER, (sql) => enqueueJob(sql, { ownerId: OWNER, kind, maxAttempts: 2 }));
    await db.asService((sql) => claimJob(sql, "w", [kind]));
    const retried = await db.asService((sql) => failJob(sql, job.id, "w", "boom", true));
    expect(retried).toMatchObject({ status: "queued", stage: "retrying", attempts: 1 });
    // Backed off: not claimable yet.
    expect(await db.asService((sql) => claimJob(sql, "w", [kind]))).toBeNull();
    await db.asService((sql) => sql.query("update jobs set run_after = now() where id = $1", [job.id]));
    expect((await db.asService((sql) => claimJob(sql, "w", [kind])))?.attempts).toBe(2);
    const failed = await db.asService((sql) => failJob(sql, job.id, "w", "boom again", true));
    expect(failed).toMatchObject({ status: "failed", message: "boom again" });
  });

  it("a user-facing failure is final at the first attempt", async () => {
    const db = open();
    const job = await db.asUser(OWNER, (sql) => enqueueJob(sql, { ownerId: OWNER, kind }));
    await db.asService((sql) => claimJob(sql, "w", [kind]));
    expect(await db.asService((sql) => failJob(sql, job.id, "w", "The file is empty.", false))).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("expires a running job whose lease ran out: requeued, or failed after its last attempt", async () => {
    const db = open();
    const job = await db.asUser(OWNER, (sql) => enqueueJob(sql, { ownerId: OWNER, kind, maxAttempts: 2 }));
    await db.asService((sql) => claimJob(sql, "gone", [kind]));
    await db.asService((sql) => sql.query("update jobs set locked_until = now() - interval '1 second' where id = $1", [job.id]));
    const requeued = await db.asService((sql) => expireStuckJobs(sql));
    expect(requeued.find((row) => row.id === job.id)).toMatchObject({ status: "queued", locked_by: null });
    await db.asService((sql) => claimJob(sql, "gone-again", [kind]));
    await db.asService((sql) => sql.query("update jobs set locked_until = now() - interval '1 second' where id = $1", [job.id]));
    const expired = await db.asService((sql) => expireStuckJobs(sql));
    expect(expired.find((row) => row.id === job.id)).toMatchObject({ status: "failed" });
  });

  it("claims only the kinds a worker handles", async () => {
    const db = open();
    const other = `other-${randomUUID()}`;
    await db.asUser(OWNER, (sql) => enqueueJob(sql, { ownerId: OWNER, kind: other }));
    expect(await db.asService((sql) => claimJob(sql, "w", [kind]))).toBeNull();
    expect((await db.asService((sql) => claimJob(sql, "w", [other])))?.kind).toBe(other);
  });

  it("shows a job whose lease ran out as retrying, with its attempt and the reason, and fails it for good after the last", async () => {
    const db = open();
    const job = await db.asUser(OWNER, (sql) => enqueueJob(sql, { ownerId: OWNER, kind, maxAttempts: 2 }));
    await db.asService((sql) => claimJob(sql, "dead-worker", [kind]));
    await db.asService((sql) => sql.query("update jobs set locked_until = now() - interval '1 second' where id = $1", [job.id]));
    const [expired] = (await db.asService((sql) => expireStuckJobs(sql))).filter((row) => row.id === job.id);
    expect(toJobDetail(expired)).toMatchObject({ status: "retrying", attempt: 1, maxAttempts: 2, message: "The worker running this job stopped responding." });
    await db.asService((sql) => claimJob(sql, "dead-again", [kind]));
    await db.asService((sql) => sql.query("update jobs set locked_until = now() - interval '1 second' where id = $1", [job.id]));
    const [failed] = (await db.asService((sql) => expireStuckJobs(sql))).filter((row) => row.id === job.id);
    expect(toJobDetail(failed)).toMatchObject({ status: "failed", attempt: 2 });
    expect(failed.gave_up).toBe(true);
  });

  it("takes attempts and backoff from the kind's retry policy; a failure of the input is final and not a give-up", async () => {
    const db = open();
    const training = await db.asUser(OWNER, (sql) => enqueueJob(sql, { ownerId: OWNER, kind: TRAIN_MODELS_JOB }));
    const other = await db.asUser(OWNER, (sql) => enqueueJob(sql, { ownerId: OWNER, kind }));
    expect([training.max_attempts, other.max_attempts]).toEqual([4, 3]);
    const waits: number[] = [];
    for (const job of [training, other]) {
      await db.asService((sql) => claimJob(sql, "w", [job.kind]));
      await db.asService((sql) => failJob(sql, job.id, "w", "The job failed unexpectedly.", true));
      const [{ wait }] = await db.asService((sql) => sql.query<{ wait: number }>("select extract(epoch from run_after - updated_at) * 1000 as wait from jobs where id = $1", [job.id]));
      waits.push(Number(wait));
    }
    expect(waits[0]).toBeGreaterThanOrEqual(5_000);
    expect(waits[1]).toBeGreaterThanOrEqual(2_000);
    expect(waits[1]).toBeLessThan(5_000);
    await db.asService((sql) => sql.query("update jobs set run_after = now() where id = $1", [other.id]));
    await db.asService((sql) => claimJob(sql, "w", [kind]));
    const refused = await db.asService((sql) => failJob(sql, other.id, "w", "The file is empty.", false));
    expect(refused).toMatchObject({ status: "failed", gave_up: false });
    await db.asService((sql) => sql.query("delete from jobs where id = $1", [training.id]));
  });
}
