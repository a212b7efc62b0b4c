import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, realpath, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataFolderInUseError, lockDataFolder } from "@/server/db/data-folder-lock";
import { openPgliteDatabase } from "@/server/db/pglite-database";


interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** A TypeScript entry point of the repository in a Node process of its own (tsx as a loader: one process, whose pid holds the lock). */
function run(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", ...args], { cwd: path.resolve("."), env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  return { child, output: () => log, exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))) };
}

/** A process holding the folder's lock, once it says so. */
async function holder(folder: string, port = "4321"): Promise<Run> {
  const held = run(["tests/support/hold-data-folder.ts", folder, "web server", port]);
  const deadline = Date.now() + 30_000;
  while (!held.output().includes("locked")) {
    if (held.child.exitCode !== null || Date.now() > deadline) throw new Error(`the holder did not lock ${folder}: ${held.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return held;
}

async function kill(held: Run): Promise<void> {
  held.child.kill("SIGKILL");
  await held.exited;
}

describe("the lock of an embedded data folder", () => {
  let folder: string;
  const running: Run[] = [];
  beforeEach(async () => {
    folder = await realpath(await mkdtemp(path.join(tmpdir(), "chronoframe-lock-")));
  });
  afterEach(async () => {
    for (const held of running.splice(0)) if (held.child.exitCode === null) await kill(held);
    await rm(folder, { recursive: true, force: true });
  });

  it("has one holder: another process is told its pid and port, and gets it once the holder is killed", async () => {
    const first = await holder(folder);
    running.push(first);
    const refused = run(["tests/support/hold-data-folder.ts", folder, "web server", "4322"]);
    running.push(refused);
    expect(await refused.exited).toBe(1);
    expect(refused.output().trim()).toBe(`Another Chronoframe (pid ${first.child.pid}, port 4321) is using ${folder}`);

    // This process too, also through another path to the same folder.
    const alias = `${folder}-alias`;
    await symlink(folder, alias);
    try {
      for (const dir of [folder, alias, `${folder}/.`]) {
        const error = await lockDataFolder(dir, { role: "test", port: null }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(DataFolderInUseError);
        expect((error as DataFolderInUseError).holder).toMatchObject({ pid: first.child.pid, port: 4321, role: "web server" });
      }
    } finally {
      await rm(alias);
    }

    // SIGKILL leaves nothing behind: the kernel frees the lock with the process.
    await kill(first);
    const lock = await lockDataFolder(folder, { role: "test", port: null });
    expect(lock.folder).toBe(folder);
    const second = await lockDataFolder(folder, { role: "test", port: null }).catch((caught: unknown) => caught);
    expect(second).toBeInstanceOf(DataFolderInUseError);
    expect((second as DataFolderInUseError).holder?.pid).toBe(process.pid);
    await lock.release();
    const next = await holder(folder);
    running.push(next);
    expect(next.output()).toContain("locked");
  });

  it("keeps a second PGlite off an open database, in this process or by db:migrate, which touches nothing", async () => {
    const dbDir = path.join(folder, "db");
    const db = await openPgliteDatabase(dbDir, { owner: { role: "web server", port: 4323 } });
    try {
      await expect(openPgliteDatabase(dbDir)).rejects.toThrow(`Another Chronoframe (pid ${process.pid}, port 4323) is using ${dbDir}`);
      expect(await db.asService((sql) => sql.query<{ one: number }>("select 1 as one"))).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }

    // db:migrate on a folder held by another process: refused before anything is created.
    const fresh = path.join(folder, "fresh");
    const held = await holder(path.join(fresh, "db"));
    running.push(held);
    const refused = run(["server/db/migrate-main.ts"], { CHRONOFRAME_DATA_DIR: fresh });
    expect(await refused.exited).toBe(1);
    expect(refused.output().trim()).toBe(`db:migrate: Another Chronoframe (pid ${held.child.pid}, port 4321) is using ${path.join(fresh, "db")}`);
    expect(await readdir(path.join(fresh, "db"))).toEqual([]);

    await kill(held);
    const migrated = run(["server/db/migrate-main.ts"], { CHRONOFRAME_DATA_DIR: fresh });
    expect(await migrated.exited).toBe(0);
    expect(migrated.output()).toMatch(/^applied: 0001/);
    expect((await readdir(path.join(fresh, "db"))).length).toBeGreaterThan(0);
  });
});
