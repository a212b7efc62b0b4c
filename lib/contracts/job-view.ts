import { z } from "zod";

/** What the browser knows of a job: the upload rows, the job channel, GET /api/jobs/<id>. */
export const jobStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "cancelled"]);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobViewSchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  status: jobStatusSchema,
  stage: z.string(),
  progress: z.number().min(0).max(1),
  message: z.string().nullable(),
  seq: z.number().int().nonnegative(),
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

/** A live update on a job channel: the job as it is now (small: Pusher refuses messages over 10 kB). */
export const JOB_EVENT = "job";
export type JobEvent = { job: JobDetail };
