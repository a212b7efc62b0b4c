import "server-only";
import { JOB_EVENT, type JobEvent } from "@/lib/contracts/job-view";
import { jobChannel, userChannel } from "@/lib/contracts/channels";
import { database } from "@/server/db";
import { publisher } from "@/server/progress/publisher";
import { findJobDetail } from "./job-detail";

/**
 * Sends the job as it now is to its own channel and its owner's channel. Best effort, as for
 * uploads: followers re-read the job whenever they (re)connect.
 */
export async function publishJob(jobId: string): Promise<void> {
  const db = await database();
  const found = await db.asService((sql) => findJobDetail(sql, jobId));
  if (!found) return;
  const event: JobEvent = { job: found.job };
  await Promise.all([
    publisher().publish(jobChannel(jobId), JOB_EVENT, event),
    publisher().publish(userChannel(found.ownerId), JOB_EVENT, event),
  ]).catch((error: unknown) => {
    console.warn(`progress event for job ${jobId} not delivered: ${error instanceof Error ? error.message : error}`);
  });
}
