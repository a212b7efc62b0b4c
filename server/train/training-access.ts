import "server-only";
import { trainedModelIdSchema, trainingRunIdSchema, type ProjectRuns } from "@/lib/contracts/training-run";
import type { SessionUser } from "@/server/auth/session-user";
import { database } from "@/server/db";
import { findRun, findTrainedModel, listProjectRuns, type RunRecord, type TrainedModelRecord } from "./training-runs";

/** The user's runs and trained models, read under RLS: another user's, an unknown or a malformed id is null. */

export async function findOwnRun(user: SessionUser, runId: string): Promise<RunRecord | null> {
  if (!trainingRunIdSchema.safeParse(runId).success) return null;
  const db = await database();
  return db.asUser(user.id, (sql) => findRun(sql, runId));
}

export async function findOwnTrainedModel(user: SessionUser, modelId: string): Promise<TrainedModelRecord | null> {
  if (!trainedModelIdSchema.safeParse(modelId).success) return null;
  const db = await database();
  return db.asUser(user.id, (sql) => findTrainedModel(sql, modelId));
}

/** Null when the project is not the user's. */
export async function listOwnProjectRuns(user: SessionUser, projectId: string): Promise<ProjectRuns | null> {
  const db = await database();
  return db.asUser(user.id, async (sql) => {
    const project = await sql.query("select 1 from training_projects where id = $1", [projectId]);
    return project.length === 0 ? null : listProjectRuns(sql, projectId);
  });
}

/** The model id of a route like /api/trained-models/<id>/…, unvalidated (findOwnTrainedModel validates). */
export function trainedModelIdOf(request: Request): string {
  return decodeURIComponent(new URL(request.url).pathname.split("/")[3] ?? "");
}
