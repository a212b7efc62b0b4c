import { z } from "zod";

/** What the browser knows of a job: the upload rows, the job channel, GET /api/jobs/<id>. */
/** `retrying`: back in the queue after a failed attempt (a crash, a lease that ran out), waiting for its next one. */
export const jobStatusSchema = z.enum(["queued", "retrying", "running", "succeeded", "failed", "cancelled"]);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobViewSchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  status: jobStatusSchema,
  stage: z.string(),
  progress: z.number().min(0).max(1),
  message: z.string().nullable(),
  seq: z.number().int().nonnegative(),
  /** Attempts begun so far (a retrying job's next one is `attempt + 1`), of at most `maxAttempts`. */
  attempt: z.number().int().nonnegative(),
  maxAttempts: z.number().int().positive(),
  /** The dataset the job made (an import, a derivation), once it has succeeded. */
  datasetId: z.string().uuid().nullable(),
});
export type JobView = z.infer<typeof jobViewSchema>;

/** A job followed on its own. Its stored result stays on the server: it names internal files. */
export const jobDetailSchema = jobViewSchema.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobDetail = z.infer<typeof jobDetailSchema>;

export const jobIdSchema = z.string().uuid({ message: "not a job id" });

export const isFinished = (status: JobStatus) => status === "succeeded" || status === "failed" || status === "cancelled";

/** Queued, retrying or running: the job still holds what it works on. */
export const isUnderWay = (status: JobStatus) => !isFinished(status);

/** A live update on a job channel: the job as it is now (small: Pusher refuses messages over 10 kB). */
export const JOB_EVENT = "job";
export type JobEvent = { job: JobDetail };
