// `npm start`: builds once when there is no production build, then serves Chronoframe.
// Embedded mode (no SUPABASE_URL) listens on localhost only: it has one local user and no sign-in.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";

const NODE_MAJOR = 24;
if (Number(process.versions.node.split(".")[0]) < NODE_MAJOR) {
  console.error(
    `Chronoframe needs Node.js ${NODE_MAJOR} or newer; this is ${process.version}. ` +
      "On an older system, `. scripts/use-node-24.sh` puts Node.js 24 first on PATH (see the README).",
  );
  process.exit(1);
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
// The server stops itself within 8 s of a signal; past this, it is killed.
const KILL_AFTER_MS = 10_000;

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("No production build yet: building Chronoframe once (about a minute)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT || "3000";
const cloud = Boolean(process.env.SUPABASE_URL);
const host = process.env.HOST || (cloud ? "0.0.0.0" : "127.0.0.1");
console.log(`Chronoframe on http://${host === "0.0.0.0" ? "localhost" : host}:${port} (${cloud ? "cloud" : "embedded"} mode)`);

// The IPC channel is how the server notices that this process died (even by SIGKILL): it then stops too.
const server = spawn(process.execPath, [nextBin, "start", "-H", host, "-p", port], { cwd: root, stdio: ["inherit", "inherit", "inherit", "ipc"] });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    server.kill(signal);
    setTimeout(() => server.kill("SIGKILL"), KILL_AFTER_MS).unref();
  });
}
// This process ends with the server, with its status (128 + the signal's number if a signal ended it).
server.on("exit", (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
