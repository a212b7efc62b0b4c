import "server-only";
import { JOB_EVENT, type JobEvent } from "@/lib/contracts/job-view";
import { jobChannel, userChannel } from "@/lib/contracts/channels";
import { database } from "@/server/db";
import { publisher } from "@/server/progress/publisher";
import { findJobDetail, toJobDetail } from "./job-detail";
import type { JobRow } from "./job-queue";

/**
 * Sends the job as it now is to its own channel and its owner's channel. Best effort, as for
 * uploads: followers re-read the job whenever they (re)connect.
 */
async function send(event: JobEvent, ownerId: string): Promise<void> {
  const jobId = event.job.id;
  await Promise.all([publisher().publish(jobChannel(jobId), JOB_EVENT, event), publisher().publish(userChannel(ownerId), JOB_EVENT, event)]).catch(
    (error: unknown) => {
      console.warn(`progress event for job ${jobId} not delivered: ${error instanceof Error ? error.message : error}`);
    },
  );
}

/** Announces a job row just written (the runner's progress, a cancel): no second read on this hot path. */
export function announceJob(row: JobRow): Promise<void> {
  return send({ job: toJobDetail(row) }, row.owner_id);
}

/** Announces a job known only by its id, as it is in the database now. */
export async function publishJob(jobId: string): Promise<void> {
  const db = await database();
  const found = await db.asService((sql) => findJobDetail(sql, jobId));
  if (found) await send({ job: found.job }, found.ownerId);
}
