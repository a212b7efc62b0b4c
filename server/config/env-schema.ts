import "server-only";
import { z } from "zod";

/**
 * Every environment variable Chronoframe reads. Adapters are chosen by which groups are
 * set; a group that is only partly set is a start-up error naming what is missing.
 */
export const ADAPTER_GROUPS = {
  database: ["DATABASE_URL"],
  auth: ["SUPABASE_URL", "SUPABASE_ANON_KEY"],
  storage: ["S3_ENDPOINT", "S3_REGION", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"],
  progress: ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "PUSHER_CLUSTER"],
} as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const positiveInteger = (fallback: number) =>
  z.preprocess((value) => (value === "" || value === undefined ? fallback : Number(value)), z.number().int().positive());

export const envSchema = z.object({
  PORT: positiveInteger(3000),
  CHRONOFRAME_DATA_DIR: optionalText,
  MAX_UPLOAD_BYTES: positiveInteger(1_000_000_000),
  UPLOAD_EXPIRY_MINUTES: z.preprocess((value) => (value === "" || value === undefined ? 24 * 60 : Number(value)), z.number().positive()),
  CLEANUP_INTERVAL_MINUTES: positiveInteger(30),
  BACKUP_INTERVAL_HOURS: z.preprocess((value) => (value === "" || value === undefined ? 6 : Number(value)), z.number().positive()),
  BACKUP_KEEP: positiveInteger(5),
  WORKER_THREADS: positiveInteger(2),
  RUN_WORKERS_IN_WEB: z.enum(["true", "false"]).optional(),
  DATABASE_URL: optionalText,
  SUPABASE_URL: optionalText,
  SUPABASE_ANON_KEY: optionalText,
  S3_ENDPOINT: optionalText,
  S3_REGION: optionalText,
  S3_BUCKET: optionalText,
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  PUSHER_APP_ID: optionalText,
  PUSHER_KEY: optionalText,
  PUSHER_SECRET: optionalText,
  PUSHER_CLUSTER: optionalText,
  PUSHER_HOST: optionalText,
  PUSHER_PORT: z.preprocess((value) => (value === "" || value === undefined ? undefined : Number(value)), z.number().int().positive().optional()),
  PUSHER_USE_TLS: z.enum(["true", "false"]).optional(),
  CRON_SECRET: optionalText,
  PUBLIC_URL: optionalText,
  /** Comma-separated host names the server answers for, besides localhost and PUBLIC_URL's host. */
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .transform((value) => (value ?? "").split(",").map((host) => host.trim().toLowerCase()).filter((host) => host !== ""))
    .pipe(z.array(z.string().max(253).regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/, "expected host names without scheme or port"))),
});

export type Env = z.infer<typeof envSchema>;
