import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Database, Sql } from "./database";

const MIGRATIONS_DIR = path.join(process.cwd(), "server", "db", "migrations");

/** Applies the SQL files of server/db/migrations in name order, each once, each in its own transaction. */
export async function migrate(db: Database): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith(".sql")).sort();
  // Concurrent migrators (several workers starting at once) take turns on one lock.
  const takeTurn = (sql: Sql) => (db.kind === "postgres" ? sql.query("select pg_advisory_xact_lock(4242001)") : Promise.resolve([]));
  await db.asService(async (sql) => {
    await takeTurn(sql);
    await sql.query("create table if not exists chronoframe_migrations (name text primary key, applied_at timestamptz not null default now())");
  });
  const applied: string[] = [];
  for (const name of files) {
    const text = await readFile(path.join(MIGRATIONS_DIR, name), "utf8");
    const done = await db.asService(async (sql) => {
      await takeTurn(sql);
      const seen = await sql.query("select 1 from chronoframe_migrations where name = $1", [name]);
      if (seen.length > 0) return false;
      await sql.exec(text);
      await sql.query("insert into chronoframe_migrations (name) values ($1)", [name]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
