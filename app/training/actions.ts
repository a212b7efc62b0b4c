"use server";

import { z } from "zod";
import { newProjectConfig, projectIdSchema, projectNameSchema, saveProjectConfigSchema, type ProjectResult, type SaveConfigResult } from "@/lib/contracts/training-project";
import { requireUser } from "@/server/auth/current-user";
import { UnauthorizedError } from "@/server/auth/session-user";
import { createOwnProject, deleteOwnProject, renameOwnProject, saveOwnProjectConfig } from "@/server/train/projects";

const NOT_FOUND = "Project not found.";

function failure(action: string, error: unknown, fallback: string): { ok: false; error: string } {
  if (error instanceof UnauthorizedError) return { ok: false, error: error.message };
  console.error(`${action}:`, error);
  return { ok: false, error: fallback };
}

const firstMessage = (error: z.ZodError) => error.issues[0].message;

/** Creates a project with the default settings. */
export async function createTrainingProject(name: unknown): Promise<ProjectResult> {
  try {
    const user = await requireUser();
    const parsed = projectNameSchema.safeParse(name);
    if (!parsed.success) return { ok: false, error: firstMessage(parsed.error) };
    return { ok: true, project: await createOwnProject(user, parsed.data, newProjectConfig()) };
  } catch (error) {
    return failure("createTrainingProject", error, "The project could not be created. Try again.");
  }
}

export async function renameTrainingProject(projectId: unknown, name: unknown): Promise<ProjectResult> {
  try {
    const user = await requireUser();
    const id = projectIdSchema.safeParse(projectId);
    if (!id.success) return { ok: false, error: NOT_FOUND };
    const parsed = projectNameSchema.safeParse(name);
    if (!parsed.success) return { ok: false, error: firstMessage(parsed.error) };
    const project = await renameOwnProject(user, id.data, parsed.data);
    return project ? { ok: true, project } : { ok: false, error: NOT_FOUND };
  } catch (error) {
    return failure("renameTrainingProject", error, "The project could not be renamed. Try again.");
  }
}

/** Deletes one of the user's projects with its runs and models; another user's id deletes nothing. */
export async function deleteTrainingProject(projectId: unknown): Promise<{ ok: boolean }> {
  try {
    const user = await requireUser();
    const id = projectIdSchema.safeParse(projectId);
    if (!id.success) return { ok: false };
    return { ok: await deleteOwnProject(user, id.data) };
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) console.error("deleteTrainingProject:", error);
    return { ok: false };
  }
}

/** Autosave: the settings as the form holds them (checked in full wherever they are used). */
export async function saveTrainingConfig(input: unknown): Promise<SaveConfigResult> {
  try {
    const user = await requireUser();
    const parsed = saveProjectConfigSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: issue.path[0] === "projectId" ? NOT_FOUND : issue.message };
    }
    const updatedAt = await saveOwnProjectConfig(user, parsed.data.projectId, parsed.data.config);
    return updatedAt ? { ok: true, updatedAt } : { ok: false, error: NOT_FOUND };
  } catch (error) {
    return failure("saveTrainingConfig", error, "The settings could not be saved. Try again.");
  }
}
