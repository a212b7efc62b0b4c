import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { database, type Database } from "@/server/db";
import type { JobHandler } from "@/server/jobs/job-handlers";
import { JobRunner } from "@/server/jobs/job-runner";
import { setJobRunner } from "@/server/jobs/runner-instance";

export interface InProcessApp {
  /** The data folder of this suite: embedded database and blob files. */
  readonly dataDir: string;
  readonly db: Database;
  /** The runner with one worker thread, set as the process's runner as the server does (only when handlers were given). */
  readonly runner: JobRunner;
  /** Stops the runner and closes the database, so that an app server can take the data folder over; afterAll does it otherwise. */
  release(): Promise<void>;
}

/**
 * Registers hooks that give the suite the app's own setup inside this process: a fresh data
 * folder named in the environment (the database, the blob store and the worker threads all
 * read it from there), the embedded database, and a job runner with `handlers` if given.
 */
export function inProcessApp(prefix: string, handlers?: Record<string, JobHandler>): InProcessApp {
  const previousDataDir = process.env.CHRONOFRAME_DATA_DIR;
  let dataDir: string | undefined;
  let db: Database | undefined;
  let runner: JobRunner | undefined;
  let released = false;

  const release = async () => {
    if (released) return;
    released = true;
    if (runner) {
      setJobRunner(undefined);
      await runner.stop();
    }
    await db?.close();
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), `chronoframe-${prefix}-`));
    process.env.CHRONOFRAME_DATA_DIR = dataDir;
    db = await database();
    if (handlers) {
      runner = new JobRunner(db, { threads: 1, handlers });
      setJobRunner(runner);
      runner.start();
    }
  });
  afterAll(async () => {
    await release();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (previousDataDir === undefined) delete process.env.CHRONOFRAME_DATA_DIR;
    else process.env.CHRONOFRAME_DATA_DIR = previousDataDir;
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`no ${what}: use it inside tests and hooks of the suite`);
    return value;
  };
  return {
    get dataDir() {
      return ready(dataDir, "data folder");
    },
    get db() {
      return ready(db, "database");
    },
    get runner() {
      return ready(runner, "job runner (give handlers)");
    },
    release,
  };
}
