import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveTransport } from "@/server/config/live-transport";
import { ConfigError, loadConfig, type Config } from "@/server/config/load-config";
import { freePort } from "../../support/app-server";

/**
 * Configuration chooses the adapters. A group that is only partly set must stop start-up
 * with a message naming exactly what is missing — never fall back silently to the
 * embedded adapter. Checked on loadConfig itself and on the real `next start`.
 */

const ROOT = path.resolve(__dirname, "..", "..", "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

const DATABASE = { DATABASE_URL: "postgres://user@db.example:5432/app" };
const AUTH = { SUPABASE_URL: "https://project.supabase.co", SUPABASE_ANON_KEY: "anon-key" };
const STORAGE = { S3_ENDPOINT: "https://project.supabase.co/storage/v1/s3", S3_REGION: "eu-west-1", S3_BUCKET: "chronoframe", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" };
const PROGRESS = { PUSHER_APP_ID: "1", PUSHER_KEY: "key", PUSHER_SECRET: "pusher-secret", PUSHER_CLUSTER: "eu" };
const CLOUD = { ...DATABASE, ...AUTH, ...STORAGE, ...PROGRESS, CRON_SECRET: "cron" };

/** loadConfig reads a process environment; these tests give it exactly the variables listed. */
const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: "production", ...env } as NodeJS.ProcessEnv);

function configError(env: Record<string, string>): string {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("with nothing set: the embedded default", () => {
    const config = load({ CHRONOFRAME_DATA_DIR: "/tmp/cf-data" });
    expect(config).toMatchObject({
      port: 3000,
      dataDir: "/tmp/cf-data",
      uploadExpiryMs: 24 * 60 * 60_000,
      runWorkersInWeb: true,
      database: { kind: "pglite", dir: "/tmp/cf-data/db" },
      auth: { kind: "local" },
      storage: { kind: "file", dir: "/tmp/cf-data/files" },
      progress: { kind: "sse" },
    });
    expect(config.cronSecret).toBeUndefined();
    // "1 GB" by default, in either unit.
    expect([1_000_000_000, 1024 ** 3]).toContain(config.maxUploadBytes);
  });

  it("with everything set: every cloud adapter", () => {
    const config = load({ ...CLOUD, PUSHER_HOST: "127.0.0.1", PUSHER_PORT: "6001", PUSHER_USE_TLS: "false", RUN_WORKERS_IN_WEB: "false" });
    expect(config.database).toEqual({ kind: "postgres", url: DATABASE.DATABASE_URL });
    expect(config.auth).toEqual({ kind: "supabase", url: AUTH.SUPABASE_URL, anonKey: AUTH.SUPABASE_ANON_KEY });
    expect(config.storage).toEqual({ kind: "s3", endpoint: STORAGE.S3_ENDPOINT, region: "eu-west-1", bucket: "chronoframe", accessKeyId: "id", secretAccessKey: "secret" });
    expect(config.progress).toEqual({ kind: "pusher", appId: "1", key: "key", secret: "pusher-secret", cluster: "eu", host: "127.0.0.1", port: 6001, useTLS: false });
    expect(config.runWorkersInWeb).toBe(false);
    expect(config.cronSecret).toBe("cron");
  });

  it("Pusher uses TLS unless told otherwise, and its own hosts unless given one", () => {
    expect(load(PROGRESS).progress).toEqual({ kind: "pusher", appId: "1", key: "key", secret: "pusher-secret", cluster: "eu", host: undefined, port: undefined, useTLS: true });
  });

  it("each adapter group can be chosen on its own, except auth (it needs the Supabase database and a cron secret)", () => {
    expect(load(DATABASE).database.kind).toBe("postgres");
    expect(load(DATABASE).auth.kind).toBe("local");
    expect(load(STORAGE).storage.kind).toBe("s3");
    expect(load(PROGRESS).progress.kind).toBe("pusher");
    expect(load({ ...AUTH, ...DATABASE, CRON_SECRET: "c" }).auth.kind).toBe("supabase");
    expect(configError(AUTH)).toMatch(/DATABASE_URL/);
    expect(configError({ ...AUTH, ...DATABASE })).toMatch(/CRON_SECRET/);
  });

  const groups: [string, Record<string, string>][] = [
    ["auth", AUTH],
    ["storage", STORAGE],
    ["progress", PROGRESS],
  ];
  for (const [group, vars] of groups) {
    it(`${group}: every partial combination is refused, naming exactly the missing variables`, () => {
      const names = Object.keys(vars);
      // Every non-empty proper subset of the group's variables.
      for (let mask = 1; mask < (1 << names.length) - 1; mask++) {
        const set = names.filter((_, index) => mask & (1 << index));
        const missing = names.filter((name) => !set.includes(name));
        const env = { ...DATABASE, CRON_SECRET: "c", ...Object.fromEntries(set.map((name) => [name, vars[name as keyof typeof vars]])) };
        const message = configError(env);
        expect(message, set.join("+")).toContain(`${group} is half-configured: set ${missing.join(", ")}`);
        for (const name of set) expect(message.split("(or unset")[0], `${set.join("+")} must not ask for ${name}`).not.toContain(name);
      }
    });
  }

  it("names every half-configured group at once", () => {
    const message = configError({ SUPABASE_URL: "https://x.supabase.co", PUSHER_KEY: "k", S3_BUCKET: "b" });
    expect(message).toContain("auth is half-configured: set SUPABASE_ANON_KEY");
    expect(message).toContain("storage is half-configured: set S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY");
    expect(message).toContain("progress is half-configured: set PUSHER_APP_ID, PUSHER_SECRET, PUSHER_CLUSTER");
  });

  it("an empty or blank variable counts as unset, not as a value", () => {
    expect(load({ SUPABASE_URL: "   ", SUPABASE_ANON_KEY: "", PUSHER_KEY: " " }).auth.kind).toBe("local");
    expect(configError({ ...PROGRESS, PUSHER_SECRET: "  " })).toContain("progress is half-configured: set PUSHER_SECRET");
  });

  it("refuses malformed numbers and flags, naming the variable", () => {
    expect(configError({ PORT: "eighty" })).toMatch(/PORT/);
    expect(configError({ PORT: "-1" })).toMatch(/PORT/);
    expect(configError({ MAX_UPLOAD_BYTES: "1.5" })).toMatch(/MAX_UPLOAD_BYTES/);
    expect(configError({ ...PROGRESS, PUSHER_PORT: "abc" })).toMatch(/PUSHER_PORT/);
    expect(configError({ ...PROGRESS, PUSHER_USE_TLS: "no" })).toMatch(/PUSHER_USE_TLS/);
    expect(configError({ RUN_WORKERS_IN_WEB: "yes" })).toMatch(/RUN_WORKERS_IN_WEB/);
  });

  it("embedded mode always runs the workers in the web process (PGlite lives in one process)", () => {
    expect(load({ RUN_WORKERS_IN_WEB: "false" }).runWorkersInWeb).toBe(true);
    expect(load({ ...DATABASE }).runWorkersInWeb).toBe(true);
    expect(load({ ...DATABASE, ...PROGRESS, RUN_WORKERS_IN_WEB: "false" }).runWorkersInWeb).toBe(false);
  });

  it("workers in separate processes need Pusher: their progress cannot reach another process's SSE clients", () => {
    expect(configError({ ...DATABASE, RUN_WORKERS_IN_WEB: "false" })).toMatch(/PUSHER_\*/);
  });

  it("the browser's half of the Pusher settings never carries the secret", () => {
    const holder = globalThis as typeof globalThis & { [key: symbol]: Config | undefined };
    const CONFIG = Symbol.for("chronoframe.config");
    const previous = holder[CONFIG];
    try {
      holder[CONFIG] = load({ ...PROGRESS, PUSHER_HOST: "127.0.0.1", PUSHER_PORT: "6001", PUSHER_USE_TLS: "false" });
      const transport = liveTransport();
      expect(transport).toEqual({ kind: "pusher", key: "key", cluster: "eu", wsHost: "127.0.0.1", wsPort: 6001, forceTLS: false });
      expect(JSON.stringify(transport)).not.toContain("pusher-secret");
    } finally {
      holder[CONFIG] = previous;
    }
  });
});

describe("next start with a half-configured adapter", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "chronoframe-config-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>): Promise<{ code: number | null; output: string; answered: boolean }> {
    const port = await freePort();
    const child = spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", CHRONOFRAME_DATA_DIR: dataDir, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    let answered = false;
    const deadline = Date.now() + 30_000;
    // Keep asking for health while it runs: a half-configured server must never answer.
    while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.ok) answered = true;
      } catch {
        // Not listening.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    return { code: await exited, output, answered };
  }

  const cases: [string, Record<string, string>, string[]][] = [
    ["only SUPABASE_URL", { SUPABASE_URL: "http://127.0.0.1:1" }, ["SUPABASE_ANON_KEY"]],
    ["only PUSHER_KEY", { PUSHER_KEY: "k" }, ["PUSHER_APP_ID", "PUSHER_SECRET", "PUSHER_CLUSTER"]],
    ["only two S3 variables", { S3_BUCKET: "b", S3_REGION: "r" }, ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]],
    ["Supabase auth without its database", { SUPABASE_URL: "http://127.0.0.1:1", SUPABASE_ANON_KEY: "a" }, ["DATABASE_URL"]],
  ];

  for (const [label, env, missing] of cases) {
    it(`${label}: exits non-zero naming ${missing.join(", ")}`, async () => {
      const { code, output, answered } = await start(env);
      expect(code, output).not.toBe(0);
      expect(code, output).not.toBeNull();
      expect(answered).toBe(false);
      expect(output).toContain("Chronoframe cannot start");
      for (const name of missing) expect(output, output).toContain(name);
    });
  }
});
