import "server-only";
import { createHash } from "node:crypto";
import { mkdir, realpath, unlink } from "node:fs/promises";
import { createConnection, createServer, type Server } from "node:net";
import path from "node:path";
import { dataFolderHolderSchema, folderInUseMessage, type DataFolderHolder } from "@/lib/contracts/data-folder-holder";

/** Who takes the lock: the web server names its port, other processes their role. */
export type DataFolderOwner = Pick<DataFolderHolder, "role" | "port">;

export class DataFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: DataFolderHolder | null,
  ) {
    super(folderInUseMessage(folder, holder));
  }
}

export interface DataFolderLock {
  /** The folder's real path, which names the lock. */
  readonly folder: string;
  release(): Promise<void>;
}

const ANSWER_TIMEOUT_MS = 2_000;
const ATTEMPTS = 5;
const RETRY_MS = 100;

/**
 * Where the lock of a folder lives. Linux: a socket in the abstract namespace, which has no
 * file and which the kernel frees when its process dies, however it dies. Windows: a named
 * pipe, freed the same way. Elsewhere: a socket file in the folder, which a crash leaves behind.
 */
function lockAddress(folder: string): { path: string; isFile: boolean } {
  const name = `chronoframe-${createHash("sha256").update(folder).digest("hex")}`;
  if (process.platform === "linux") return { path: `\0${name}`, isFile: false };
  if (process.platform === "win32") return { path: `\\\\.\\pipe\\${name}`, isFile: false };
  return { path: path.join(folder, ".chronoframe.lock"), isFile: true };
}

function listen(server: Server, address: string): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const failed = (error: NodeJS.ErrnoException) => resolve(error);
    server.once("error", failed);
    server.listen(address, () => {
      server.off("error", failed);
      resolve(null);
    });
  });
}

function parseAnswer(text: string): DataFolderHolder | null {
  try {
    const parsed = dataFolderHolderSchema.safeParse(JSON.parse(text.split("\n")[0]));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The holder's answer; "absent" when nobody listens there (a holder exiting just now, or a stale socket file). */
function askHolder(address: string): Promise<DataFolderHolder | "absent" | null> {
  return new Promise((resolve) => {
    const socket = createConnection(address);
    let text = "";
    const done = (answer: DataFolderHolder | "absent" | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(null), ANSWER_TIMEOUT_MS);
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      text += chunk;
      if (text.includes("\n")) done(parseAnswer(text));
    });
    socket.on("end", () => done(parseAnswer(text)));
    socket.on("error", (error: NodeJS.ErrnoException) => done(error.code === "ECONNREFUSED" || error.code === "ENOENT" ? "absent" : null));
  });
}

/**
 * Makes this process the one owner of a data folder, before anything opens it: two PGlite
 * instances on one folder destroy the database. The lock is a listening socket that the
 * operating system releases when the process dies, so a crash leaves nothing to clean up;
 * a peer that connects learns who holds it. Throws DataFolderInUseError when taken.
 */
export async function lockDataFolder(dir: string, owner: DataFolderOwner): Promise<DataFolderLock> {
  await mkdir(dir, { recursive: true });
  const folder = await realpath(dir);
  const address = lockAddress(folder);
  const holder: DataFolderHolder = { pid: process.pid, ...owner, startedAt: new Date().toISOString() };
  const answer = `${JSON.stringify(holder)}\n`;
  for (let attempt = 1; ; attempt += 1) {
    const server = createServer((socket) => socket.end(answer));
    const error = await listen(server, address.path);
    if (!error) {
      // The lock alone must not keep a process alive that has finished its work (db:migrate, a CLI).
      server.unref();
      return { folder, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    }
    if (error.code !== "EADDRINUSE") throw error;
    const other = await askHolder(address.path);
    if (other !== "absent" || attempt === ATTEMPTS) throw new DataFolderInUseError(folder, other === "absent" ? null : other);
    if (address.isFile) await unlink(address.path).catch(() => undefined);
    else await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}
