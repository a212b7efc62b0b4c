import "server-only";
import { config } from "@/server/config";
import { MAIN_TABLES, RestoreError, restoreDatabase } from "./restore";

const USAGE = "usage: npm run db:restore [-- --from FILE | -- --empty]";

function parse(argv: string[]): { from?: string; empty?: boolean } {
  const request: { from?: string; empty?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--empty") request.empty = true;
    else if (arg === "--from" && argv[i + 1]) request.from = argv[++i];
    else if (arg.startsWith("--from=") && arg.length > 7) request.from = arg.slice(7);
    else throw new RestoreError(`unknown argument ${arg}; ${USAGE}`);
  }
  if (request.empty && request.from) throw new RestoreError(`--from and --empty exclude each other; ${USAGE}`);
  return request;
}

/** `npm run db:restore`: the latest backup (or --from FILE, or --empty) in place of the embedded database. */
async function main(): Promise<void> {
  const settings = config();
  if (settings.database.kind !== "pglite") throw new RestoreError("this configuration uses PostgreSQL (DATABASE_URL): restore it with that server's own tools");
  const result = await restoreDatabase({ dataDir: settings.dataDir, dbDir: settings.database.dir, backupsDir: settings.backups.dir }, parse(process.argv.slice(2)));
  const what = result.file ? `restored ${result.file}${result.takenAt ? ` (taken ${result.takenAt.toISOString()})` : ""}` : "started an empty database";
  const lines = [
    `${what} into ${settings.database.dir}`,
    result.previous ? `the database that was there is kept in ${result.previous}` : "there was no database there before",
    `rows: ${MAIN_TABLES.map((table) => `${table} ${result.rowCounts[table]}`).join(", ")}`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`db:restore: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
