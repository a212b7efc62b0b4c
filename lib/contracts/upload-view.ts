import { z } from "zod";
import { jobViewSchema } from "./job-view";

/** What the browser knows of an upload and its latest job: the Datasets list, the events, the API. */
export const uploadStatusSchema = z.enum(["uploading", "processing", "ready", "failed", "expired", "cancelled"]);
export type UploadStatus = z.infer<typeof uploadStatusSchema>;

export const uploadIdSchema = z.string().uuid({ message: "not an upload id" });

export const uploadViewSchema = z.object({
  id: z.string().uuid(),
  filename: z.string(),
  sizeBytes: z.number().nonnegative(),
  status: uploadStatusSchema,
  message: z.string().nullable(),
  sha256: z.string().nullable(),
  lineCount: z.number().nullable(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string(),
  job: jobViewSchema.nullable(),
  /** Whether Retry can help (a check that crashed on every attempt); otherwise only Remove is offered. */
  canRetry: z.boolean(),
});
export type UploadView = z.infer<typeof uploadViewSchema>;

export const uploadListSchema = z.object({ uploads: z.array(uploadViewSchema) });

/** A live update: the upload as it is now. */
export const uploadEventSchema = z.object({ upload: uploadViewSchema });
export type UploadEvent = z.infer<typeof uploadEventSchema>;
