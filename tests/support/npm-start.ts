import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { waitForHealth } from "./app-server";

const ROOT = path.resolve(__dirname, "..", "..");

export interface NpmStart {
  url: string;
  port: number;
  dataDir: string;
  /** The `npm start` process (scripts/start.mjs), leader of its own process group. */
  child: ChildProcess;
  output: () => string;
  /** The exit of `npm start`: its status, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The Next.js server process that `npm start` started (Linux: read from /proc). */
  serverPid: () => number | null;
  /** Whether any process of the group (`npm start`, the server) is still alive. */
  groupAlive: () => boolean;
  /** Sends a signal to the whole process group, as Ctrl-C in a terminal does. */
  signalGroup: (signal: NodeJS.Signals) => void;
  /** SIGKILL to every process of the group; resolves once `npm start` has exited. */
  killGroup: () => Promise<void>;
}

/**
 * Starts Chronoframe the way `npm start` does (`node scripts/start.mjs`, which starts the
 * production server) with PORT and CHRONOFRAME_DATA_DIR set, in a process group of its own
 * so tests can signal it as a terminal would. Waits for /api/health unless `healthy: false`.
 */
export async function npmStart(options: { dataDir: string; port: number; env?: Record<string, string>; healthy?: boolean; timeoutMs?: number }): Promise<NpmStart> {
  const { dataDir, port } = options;
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: process.env.TZ, NODE_ENV: "production", PORT: String(port), CHRONOFRAME_DATA_DIR: dataDir, ...options.env };
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.mjs")], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const pid = child.pid!;
  const groupAlive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const started: NpmStart = {
    url,
    port,
    dataDir,
    child,
    output: () => log,
    exited,
    serverPid: () => {
      try {
        const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
        return children[0] ?? null;
      } catch {
        return null;
      }
    },
    groupAlive,
    signalGroup: (signal) => {
      if (groupAlive()) process.kill(-pid, signal);
    },
    killGroup: async () => {
      if (groupAlive()) process.kill(-pid, "SIGKILL");
      await exited;
    },
  };
  if (options.healthy === false) return started;
  try {
    await waitForHealth(url, child, started.output, options.timeoutMs ?? 90_000);
  } catch (error) {
    await started.killGroup();
    throw error;
  }
  return started;
}

/** Resolves once no process of the group is left; fails after `timeoutMs`. */
export async function groupGone(started: NpmStart, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (started.groupAlive()) {
    if (Date.now() > deadline) throw new Error(`processes of npm start (pid ${started.child.pid}) still alive after ${timeoutMs} ms:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
