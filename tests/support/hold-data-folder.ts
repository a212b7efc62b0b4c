// Holds the lock of a data folder until killed: `tsx --conditions=react-server tests/support/hold-data-folder.ts <folder> <role> [port]`.
import { DataFolderInUseError, lockDataFolder } from "@/server/db/data-folder-lock";

const [folder, role, port] = process.argv.slice(2);

lockDataFolder(folder, { role, port: port ? Number(port) : null }).then(
  () => {
    process.stdout.write("locked\n");
    // The lock does not keep a process alive by itself: this one waits to be killed.
    setInterval(() => {}, 60_000);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof DataFolderInUseError ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
