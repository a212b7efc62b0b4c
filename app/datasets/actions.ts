"use server";

import { z } from "zod";
import { deriveRequestSchema, type StartDerivationResult } from "@/lib/contracts/dataset-derivation";
import type { StartImportResult } from "@/lib/contracts/dataset-import";
import { importProfileInputSchema, type SaveProfileResult } from "@/lib/contracts/import-profile";
import { importOptionsSchema } from "@/lib/ingest/import-options";
import { formatPath } from "@/lib/process/spec-errors";
import { requireUser } from "@/server/auth/current-user";
import { UnauthorizedError } from "@/server/auth/session-user";
import { deleteImportProfile as deleteProfileRow, saveImportProfile as saveProfileRow } from "@/server/datasets/import-profiles";
import { startDerivation } from "@/server/datasets/start-derivation";
import { startImportJob } from "@/server/datasets/start-import";
import { database } from "@/server/db";

const uploadIdSchema = z.string().uuid({ message: "not an upload id" });

/** Imports one of the user's ready uploads with the given choices (empty = what detection finds). */
export async function startImport(uploadId: unknown, options: unknown): Promise<StartImportResult> {
  try {
    const user = await requireUser();
    const id = uploadIdSchema.safeParse(uploadId);
    if (!id.success) return { ok: false, error: "Upload not found." };
    const parsed = importOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: `Invalid import choice ${issue.path.join(".")}: ${issue.message}` };
    }
    return await startImportJob(user, id.data, parsed.data);
  } catch (error) {
    if (error instanceof UnauthorizedError) return { ok: false, error: error.message };
    console.error("startImport:", error);
    return { ok: false, error: "The import could not be started. Try again." };
  }
}

const profileIdSchema = z.string().uuid({ message: "not a profile id" });

/** Saves the wizard's current choices under a name (replacing the user's profile of that name). */
export async function saveImportProfile(input: unknown): Promise<SaveProfileResult> {
  try {
    const user = await requireUser();
    const parsed = importProfileInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: issue.path[0] === "name" ? issue.message : `Invalid import choice ${issue.path.join(".")}: ${issue.message}` };
    }
    const db = await database();
    const profile = await db.asUser(user.id, (sql) => saveProfileRow(sql, user.id, parsed.data));
    return { ok: true, profile };
  } catch (error) {
    if (error instanceof UnauthorizedError) return { ok: false, error: error.message };
    console.error("saveImportProfile:", error);
    return { ok: false, error: "The profile could not be saved. Try again." };
  }
}

/** Deletes one of the user's profiles; another user's id deletes nothing. */
export async function deleteImportProfile(profileId: unknown): Promise<{ ok: boolean }> {
  try {
    const user = await requireUser();
    const id = profileIdSchema.safeParse(profileId);
    if (!id.success) return { ok: false };
    const db = await database();
    return { ok: await db.asUser(user.id, (sql) => deleteProfileRow(sql, id.data)) };
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) console.error("deleteImportProfile:", error);
    return { ok: false };
  }
}

/**
 * Makes a new dataset from the user's datasets: a recipe run, an alignment, the points inside
 * a regression band or a model's forecasts. An invalid request names the field's path.
 */
export async function deriveDataset(input: unknown): Promise<StartDerivationResult> {
  try {
    const user = await requireUser();
    const parsed = deriveRequestSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = formatPath(issue.path);
      return { ok: false, error: field ? `${field}: ${issue.message}` : issue.message };
    }
    return await startDerivation(user, parsed.data);
  } catch (error) {
    if (error instanceof UnauthorizedError) return { ok: false, error: error.message };
    console.error("deriveDataset:", error);
    return { ok: false, error: "The new dataset could not be started. Try again." };
  }
}
