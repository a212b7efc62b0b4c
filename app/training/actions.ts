"use server";

import { z } from "zod";
import { newProjectConfig, projectIdSchema, projectNameSchema, saveProjectConfigSchema, type ProjectResult, type SaveConfigResult } from "@/lib/contracts/training-project";
import { userAction, userCommand } from "@/server/auth/user-action";
import { createOwnProject, deleteOwnProject, renameOwnProject, saveOwnProjectConfig } from "@/server/train/projects";

const NOT_FOUND = "Project not found.";

const firstMessage = (error: z.ZodError) => error.issues[0].message;

/** Creates a project with the default settings. */
export async function createTrainingProject(name: unknown): Promise<ProjectResult> {
  return userAction<ProjectResult>("createTrainingProject", "The project could not be created. Try again.", async (user) => {
    const parsed = projectNameSchema.safeParse(name);
    if (!parsed.success) return { ok: false, error: firstMessage(parsed.error) };
    return { ok: true, project: await createOwnProject(user, parsed.data, newProjectConfig()) };
  });
}

export async function renameTrainingProject(projectId: unknown, name: unknown): Promise<ProjectResult> {
  return userAction<ProjectResult>("renameTrainingProject", "The project could not be renamed. Try again.", async (user) => {
    const id = projectIdSchema.safeParse(projectId);
    if (!id.success) return { ok: false, error: NOT_FOUND };
    const parsed = projectNameSchema.safeParse(name);
    if (!parsed.success) return { ok: false, error: firstMessage(parsed.error) };
    const project = await renameOwnProject(user, id.data, parsed.data);
    return project ? { ok: true, project } : { ok: false, error: NOT_FOUND };
  });
}

/** Deletes one of the user's projects with its runs and models; another user's id deletes nothing. */
export async function deleteTrainingProject(projectId: unknown): Promise<{ ok: boolean }> {
  return userCommand("deleteTrainingProject", async (user) => {
    const id = projectIdSchema.safeParse(projectId);
    return id.success && (await deleteOwnProject(user, id.data));
  });
}

/** Autosave: the settings as the form holds them (checked in full wherever they are used). */
export async function saveTrainingConfig(input: unknown): Promise<SaveConfigResult> {
  return userAction<SaveConfigResult>("saveTrainingConfig", "The settings could not be saved. Try again.", async (user) => {
    const parsed = saveProjectConfigSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: issue.path[0] === "projectId" ? NOT_FOUND : issue.message };
    }
    const updatedAt = await saveOwnProjectConfig(user, parsed.data.projectId, parsed.data.config);
    return updatedAt ? { ok: true, updatedAt } : { ok: false, error: NOT_FOUND };
  });
}
