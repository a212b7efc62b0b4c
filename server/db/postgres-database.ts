import "server-only";
import postgres from "postgres";
import { enterUserRole, type Database, type Sql } from "./database";

/** A PostgreSQL server (Supabase in the cloud, any PostgreSQL 15+ in tests). */
export function openPostgresDatabase(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, prepare: false });
  const run = <T>(userId: string | null, work: (sql: Sql) => Promise<T>) =>
    client.begin(async (tx) => {
      const sql: Sql = {
        query: async <Row>(text: string, params: unknown[] = []) =>
          (await tx.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as Row[],
        exec: async (script: string) => {
          await tx.unsafe(script).simple();
        },
      };
      if (userId) await enterUserRole(sql, userId);
      return work(sql);
    }) as Promise<T>;
  return {
    kind: "postgres",
    asUser: (userId, work) => run(userId, work),
    asService: (work) => run(null, work),
    close: () => client.end({ timeout: 5 }),
  };
}
