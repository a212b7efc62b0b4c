import "server-only";
import path from "node:path";
import { ADAPTER_GROUPS, envSchema, type Env } from "./env-schema";

export class ConfigError extends Error {}

export interface Config {
  port: number;
  dataDir: string;
  maxUploadBytes: number;
  uploadExpiryMs: number;
  cleanupIntervalMs: number;
  /** Embedded mode's database backups: where, how often, how many. */
  backups: { dir: string; intervalMs: number; keep: number };
  workerThreads: number;
  runWorkersInWeb: boolean;
  database: { kind: "pglite"; dir: string } | { kind: "postgres"; url: string };
  auth: { kind: "local" } | { kind: "supabase"; url: string; anonKey: string };
  storage: { kind: "file"; dir: string } | { kind: "s3"; endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };
  progress:
    | { kind: "sse" }
    | { kind: "pusher"; appId: string; key: string; secret: string; cluster: string; host?: string; port?: number; useTLS: boolean };
  cronSecret?: string;
  publicUrl?: string;
  /** Host names named in the configuration (ALLOWED_HOSTS), lower case. */
  allowedHosts: string[];
}

/** Which groups are fully set; throws when a group is only partly set. */
function configuredGroups(env: Env): Record<keyof typeof ADAPTER_GROUPS, boolean> {
  const problems: string[] = [];
  const result = {} as Record<keyof typeof ADAPTER_GROUPS, boolean>;
  for (const [group, names] of Object.entries(ADAPTER_GROUPS) as [keyof typeof ADAPTER_GROUPS, readonly (keyof Env)[]][]) {
    const missing = names.filter((name) => env[name] === undefined);
    if (missing.length > 0 && missing.length < names.length) {
      problems.push(`${group} is half-configured: set ${missing.join(", ")} (or unset ${names.filter((n) => !missing.includes(n)).join(", ")})`);
    }
    result[group] = missing.length === 0;
  }
  if (problems.length > 0) throw new ConfigError(`Chronoframe configuration: ${problems.join("; ")}`);
  return result;
}

export function loadConfig(source: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new ConfigError(`Chronoframe configuration: ${details}`);
  }
  const env = parsed.data;
  const groups = configuredGroups(env);
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.CHRONOFRAME_DATA_DIR ?? ".data");
  const cloudAuth = groups.auth;
  if (cloudAuth && !groups.database) {
    throw new ConfigError("Chronoframe configuration: Supabase auth needs the Supabase database: set DATABASE_URL");
  }
  if (groups.database && env.RUN_WORKERS_IN_WEB === "false" && !groups.progress) {
    throw new ConfigError("Chronoframe configuration: workers in separate processes publish progress through Pusher: set the PUSHER_* variables, or leave RUN_WORKERS_IN_WEB unset");
  }
  if (cloudAuth && !env.CRON_SECRET) {
    throw new ConfigError("Chronoframe configuration: cloud mode needs CRON_SECRET to protect the cleanup route");
  }
  return {
    port: env.PORT,
    dataDir,
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
    uploadExpiryMs: env.UPLOAD_EXPIRY_MINUTES * 60_000,
    cleanupIntervalMs: env.CLEANUP_INTERVAL_MINUTES * 60_000,
    backups: { dir: path.join(dataDir, "backups"), intervalMs: env.BACKUP_INTERVAL_HOURS * 3600_000, keep: env.BACKUP_KEEP },
    workerThreads: env.WORKER_THREADS,
    // PGlite lives inside one process, so embedded mode always runs its workers in the web process.
    runWorkersInWeb: groups.database ? env.RUN_WORKERS_IN_WEB !== "false" : true,
    database: groups.database ? { kind: "postgres", url: env.DATABASE_URL! } : { kind: "pglite", dir: path.join(dataDir, "db") },
    auth: cloudAuth ? { kind: "supabase", url: env.SUPABASE_URL!, anonKey: env.SUPABASE_ANON_KEY! } : { kind: "local" },
    storage: groups.storage
      ? {
          kind: "s3",
          endpoint: env.S3_ENDPOINT!,
          region: env.S3_REGION!,
          bucket: env.S3_BUCKET!,
          accessKeyId: env.S3_ACCESS_KEY_ID!,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
        }
      : { kind: "file", dir: path.join(dataDir, "files") },
    progress: groups.progress
      ? {
          kind: "pusher",
          appId: env.PUSHER_APP_ID!,
          key: env.PUSHER_KEY!,
          secret: env.PUSHER_SECRET!,
          cluster: env.PUSHER_CLUSTER!,
          host: env.PUSHER_HOST,
          port: env.PUSHER_PORT,
          useTLS: env.PUSHER_USE_TLS !== "false",
        }
      : { kind: "sse" },
    cronSecret: env.CRON_SECRET,
    publicUrl: env.PUBLIC_URL,
    allowedHosts: env.ALLOWED_HOSTS,
  };
}
