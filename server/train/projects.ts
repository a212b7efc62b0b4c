import "server-only";
import { projectIdSchema, type ProjectConfigDraft, type TrainingProjectView } from "@/lib/contracts/training-project";
import type { SessionUser } from "@/server/auth/session-user";
import { database, type Sql } from "@/server/db";
import { publishJob } from "@/server/jobs/publish-job";
import { abortJobInRunner } from "@/server/jobs/runner-instance";
import { blobStore } from "@/server/storage/blob-store";
import { releaseProjectRuns } from "./training-runs";

/** Training project rows, always read and written as the user (RLS: their own projects only). */
interface ProjectRow {
  id: string;
  name: string;
  config: ProjectConfigDraft | string;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS = "id, name, config, created_at, updated_at";

const toView = (row: ProjectRow): TrainingProjectView => ({
  id: row.id,
  name: row.name,
  config: typeof row.config === "string" ? (JSON.parse(row.config) as ProjectConfigDraft) : row.config,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

async function asUser<T>(user: SessionUser, work: (sql: Sql) => Promise<T>): Promise<T> {
  const db = await database();
  return db.asUser(user.id, work);
}

/** The user's projects, most recently changed first. */
export function listOwnProjects(user: SessionUser): Promise<TrainingProjectView[]> {
  return asUser(user, async (sql) => (await sql.query<ProjectRow>(`select ${COLUMNS} from training_projects order by updated_at desc, id`)).map(toView));
}

/** The user's project with this id; null for a malformed id, another user's or an unknown one. */
export async function findOwnProject(user: SessionUser, id: string): Promise<TrainingProjectView | null> {
  if (!projectIdSchema.safeParse(id).success) return null;
  return asUser(user, async (sql) => {
    const rows = await sql.query<ProjectRow>(`select ${COLUMNS} from training_projects where id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  });
}

export function createOwnProject(user: SessionUser, name: string, config: ProjectConfigDraft): Promise<TrainingProjectView> {
  return asUser(user, async (sql) => {
    const rows = await sql.query<ProjectRow>(
      `insert into training_projects (owner_id, name, config) values ($1, $2, $3::text::jsonb) returning ${COLUMNS}`,
      [user.id, name, JSON.stringify(config)],
    );
    return toView(rows[0]);
  });
}

export function renameOwnProject(user: SessionUser, id: string, name: string): Promise<TrainingProjectView | null> {
  return asUser(user, async (sql) => {
    const rows = await sql.query<ProjectRow>(`update training_projects set name = $2, updated_at = now() where id = $1 returning ${COLUMNS}`, [id, name]);
    return rows[0] ? toView(rows[0]) : null;
  });
}

/** Replaces the project's settings; null when the user has no such project. */
export function saveOwnProjectConfig(user: SessionUser, id: string, config: ProjectConfigDraft): Promise<string | null> {
  return asUser(user, async (sql) => {
    const rows = await sql.query<{ updated_at: Date | string }>(
      "update training_projects set config = $2::text::jsonb, updated_at = now() where id = $1 returning updated_at",
      [id, JSON.stringify(config)],
    );
    return rows[0] ? new Date(rows[0].updated_at).toISOString() : null;
  });
}

/** Deletes the project (its runs and models go with it); false when the user has no such project. */
export async function deleteOwnProject(user: SessionUser, id: string): Promise<boolean> {
  const released = await asUser(user, async (sql) => {
    const runs = await releaseProjectRuns(sql, id);
    return (await sql.query("delete from training_projects where id = $1 returning id", [id])).length > 0 ? runs : null;
  });
  if (!released) return false;
  // The rows are gone with the project (cascade); its runs' model files go after them.
  released.jobIds.forEach(abortJobInRunner);
  // Another tab following a run hears that it ended.
  await Promise.all(released.jobIds.map(publishJob));
  await Promise.all(released.files.map((key) => blobStore().remove(key).catch(() => undefined)));
  return true;
}
