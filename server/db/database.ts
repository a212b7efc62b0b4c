import "server-only";

/** One statement runner inside a transaction. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

/**
 * The database as the product uses it: every user-facing access runs in a transaction
 * that takes the `authenticated` role and the user's claims, so Row Level Security decides
 * what is visible; workers and cleanup run as the service (the connection's own role).
 */
export interface Database {
  readonly kind: "pglite" | "postgres";
  asUser<T>(userId: string, work: (sql: Sql) => Promise<T>): Promise<T>;
  asService<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Runs `work` with the connection's own (service) role inside the current transaction and
 * then returns to the user's role: for rows users cause but may not write themselves
 * (a queued job carries what its thread will read), written after checks made under RLS.
 */
export async function asServiceWithin<T>(sql: Sql, work: () => Promise<T>): Promise<T> {
  const [{ role }] = await sql.query<{ role: string }>("select current_user as role");
  if (role !== "authenticated") return work();
  await sql.query("reset role");
  // On failure the transaction is rolled back anyway; only a success goes on as the user.
  const result = await work();
  await sql.query("set local role authenticated");
  return result;
}

/** Sets the role and claims for the rest of the transaction, the way Supabase does. */
export async function enterUserRole(sql: Sql, userId: string): Promise<void> {
  const claims = JSON.stringify({ sub: userId, role: "authenticated" });
  await sql.query("select set_config('request.jwt.claims', $1, true)", [claims]);
  await sql.query("set local role authenticated");
}
