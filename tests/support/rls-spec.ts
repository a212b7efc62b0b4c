import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { asServiceWithin, type Database } from "@/server/db/database";

const USER_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const USER_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

const INSERT = {
  uploads: "insert into uploads (id, owner_id, filename, size_bytes, expires_at) values ($1, $2, 'a.csv', 10, now() + interval '1 day')",
  datasets: "insert into datasets (id, owner_id, name) values ($1, $2, 'series')",
  jobs: "insert into jobs (id, owner_id, kind) values ($1, $2, 'check-upload')",
  import_profiles: "insert into import_profiles (id, owner_id, name, options) values ($1::uuid, $2, 'logger ' || $1::text, '{}'::jsonb)",
  recipes: "insert into recipes (id, owner_id, name, recipe) values ($1::uuid, $2, 'recipe ' || $1::text, '{}'::jsonb)",
  training_projects: "insert into training_projects (id, owner_id, name) values ($1, $2, 'project')",
  // A run hangs off a project and a model off a run of the same owner, made first.
  training_runs: [
    "insert into training_projects (id, owner_id, name) values ($1, $2, 'p')",
    "insert into training_runs (id, owner_id, project_id, config) values ($1, $2, $3, '{}'::jsonb)",
  ],
  trained_models: [
    "insert into training_projects (id, owner_id, name) values ($1, $2, 'p')",
    "insert into training_runs (id, owner_id, project_id, config) values ($1, $2, $3, '{}'::jsonb)",
    "insert into trained_models (id, owner_id, run_id, project_id, position, kind, result, model_blob_key, forecasts_blob_key) values ($1, $2, $3, $4, 0, 'linear', '{}'::jsonb, 'm', 'f')",
  ],
} as const;

type Table = keyof typeof INSERT;

/** Rows that name files the server reads: users read (and delete) them, only the server writes them (0006). */
const SERVER_WRITTEN: ReadonlySet<Table> = new Set(["jobs", "datasets", "trained_models"]);

/**
 * Inserts one row with `owner` into `table`, acting as `actingUser` (the owner unless forging);
 * a server-written row is inserted by the service inside that user's transaction, as the app does.
 */
async function insertRow(db: Database, table: Table, owner: string, actingUser = owner, asTheServer = SERVER_WRITTEN.has(table)): Promise<string> {
  const statements: readonly string[] = typeof INSERT[table] === "string" ? [INSERT[table]] : INSERT[table];
  // Each statement inserts a new id; the ids made before it, newest first, are its parents ($3, $4…).
  const ids: string[] = [];
  await db.asUser(actingUser, async (sql) => {
    for (const [index, statement] of statements.entries()) {
      const id = randomUUID();
      const insert = () => sql.query(statement, [id, owner, ...ids]);
      await (asTheServer && index === statements.length - 1 ? asServiceWithin(sql, insert) : insert());
      ids.unshift(id);
    }
  });
  return ids[0];
}

const COLUMN_TO_CHANGE = {
  uploads: "filename = 'stolen.csv'",
  datasets: "name = 'stolen'",
  jobs: "stage = 'stolen'",
  import_profiles: "name = 'stolen'",
  recipes: "name = 'stolen'",
  training_projects: "name = 'stolen'",
  training_runs: "message = 'stolen'",
  trained_models: "kind = 'stolen'",
} as const;

/**
 * Row Level Security as users meet it: each table, read, change, delete and forged
 * inserts, run against whichever database `open` gives (PGlite or PostgreSQL).
 */
export function describeRowLevelSecurity(open: () => Database): void {
  for (const table of Object.keys(INSERT) as Table[]) {
    const serverWritten = SERVER_WRITTEN.has(table);
    it(`${table}: user B cannot read, change or delete user A's rows`, async () => {
      const db = open();
      const id = await insertRow(db, table, USER_A);
      const seenByB = await db.asUser(USER_B, (sql) => sql.query(`select id from ${table} where id = $1`, [id]));
      expect(seenByB).toHaveLength(0);
      const changeByB = db.asUser(USER_B, (sql) => sql.query(`update ${table} set ${COLUMN_TO_CHANGE[table]} where id = $1 returning id`, [id]));
      if (serverWritten) await expect(changeByB).rejects.toThrow(/permission denied/);
      else expect(await changeByB).toHaveLength(0);
      const deletedByB = await db.asUser(USER_B, (sql) => sql.query(`delete from ${table} where id = $1 returning id`, [id]));
      expect(deletedByB).toHaveLength(0);
      const seenByA = await db.asUser(USER_A, (sql) => sql.query<Record<string, unknown>>(`select * from ${table} where id = $1`, [id]));
      expect(seenByA).toHaveLength(1);
      expect(JSON.stringify(seenByA[0])).not.toContain("stolen");
    });

    it(`${table}: ${serverWritten ? "users cannot insert or update rows at all, not even their own" : "a forged owner_id is rejected on insert and on update"}`, async () => {
      const db = open();
      const refusal = serverWritten ? /permission denied/ : /row-level security/;
      // Not even the owner may insert a server-written row; others are refused for the forged owner.
      await expect(insertRow(db, table, USER_A, serverWritten ? USER_A : USER_B, false)).rejects.toThrow(refusal);
      const id = await insertRow(db, table, USER_A);
      await expect(db.asUser(USER_A, (sql) => sql.query(`update ${table} set owner_id = $2 where id = $1`, [id, USER_B]))).rejects.toThrow(refusal);
    });
  }

  it("a run cannot hang on another user's project, nor can a user write a model row at all", async () => {
    const db = open();
    const projectOfA = await insertRow(db, "training_projects", USER_A);
    await expect(
      db.asUser(USER_B, (sql) => sql.query("insert into training_runs (owner_id, project_id, config) values ($1, $2, '{}'::jsonb)", [USER_B, projectOfA])),
    ).rejects.toThrow(/row-level security/);
    const runOfA = await db.asUser(USER_A, (sql) =>
      sql.query<{ id: string }>("insert into training_runs (owner_id, project_id, config) values ($1, $2, '{}'::jsonb) returning id", [USER_A, projectOfA]),
    );
    await expect(
      db.asUser(USER_B, (sql) =>
        sql.query("insert into trained_models (owner_id, run_id, project_id, position, kind, result, model_blob_key) values ($1, $2, $3, 0, 'linear', '{}'::jsonb, 'm')", [
          USER_B,
          runOfA[0].id,
          projectOfA,
        ]),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it("a transaction without claims sees no rows at all", async () => {
    const db = open();
    await insertRow(db, "uploads", USER_A);
    const rows = await db.asUser("00000000-0000-4000-8000-00000000dead", (sql) => sql.query("select id from uploads"));
    expect(rows).toHaveLength(0);
  });

  it("the role and claims end with the transaction", async () => {
    const db = open();
    const inside = await db.asUser(USER_A, (sql) => sql.query<{ role: string; uid: string }>("select current_user as role, auth.uid()::text as uid"));
    expect(inside[0]).toEqual({ role: "authenticated", uid: USER_A });
    const after = await db.asService((sql) => sql.query<{ role: string; uid: string | null }>("select current_user as role, auth.uid()::text as uid"));
    expect(after[0].role).not.toBe("authenticated");
    expect(after[0].uid).toBeNull();
  });
}
