"use server";

import { z } from "zod";
import { deriveRequestSchema, type StartDerivationResult } from "@/lib/contracts/dataset-derivation";
import type { StartImportResult } from "@/lib/contracts/dataset-import";
import { importProfileInputSchema, type SaveProfileResult } from "@/lib/contracts/import-profile";
import { uploadFingerprintSchema, type FindUploadResult, type UploadActionResult } from "@/lib/contracts/upload-actions";
import { uploadIdSchema } from "@/lib/contracts/upload-view";
import { savedRecipeInputSchema, type SaveRecipeResult } from "@/lib/contracts/saved-recipe";
import { importOptionsSchema } from "@/lib/ingest/import-options";
import { formatPath } from "@/lib/process/spec-errors";
import { userAction, userCommand } from "@/server/auth/user-action";
import { deleteImportProfile as deleteProfileRow, saveImportProfile as saveProfileRow } from "@/server/datasets/import-profiles";
import { deleteSavedRecipe as deleteRecipeRow, saveRecipe as saveRecipeRow } from "@/server/datasets/saved-recipes";
import { startDerivation } from "@/server/datasets/start-derivation";
import { startImportJob } from "@/server/datasets/start-import";
import { database } from "@/server/db";
import { findOwnUploadLike, removeOwnUpload, retryOwnUpload } from "@/server/uploads/own-upload-actions";

/** Imports one of the user's ready uploads with the given choices (empty = what detection finds). */
export async function startImport(uploadId: unknown, options: unknown): Promise<StartImportResult> {
  return userAction<StartImportResult>("startImport", "The import could not be started. Try again.", async (user) => {
    const id = uploadIdSchema.safeParse(uploadId);
    if (!id.success) return { ok: false, error: "Upload not found." };
    const parsed = importOptionsSchema.safeParse(options ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: `Invalid import choice ${issue.path.join(".")}: ${issue.message}` };
    }
    return startImportJob(user, id.data, parsed.data);
  });
}

/** Removes one of the user's uploads and its stored bytes; refused while a job works on it. */
export async function removeUpload(uploadId: unknown): Promise<UploadActionResult> {
  return userAction<UploadActionResult>("removeUpload", "The file could not be removed. Try again.", async (user) => {
    const id = uploadIdSchema.safeParse(uploadId);
    if (!id.success) return { ok: false, error: "Upload not found." };
    return removeOwnUpload(user, id.data);
  });
}

/** Checks one of the user's uploads again, where that can succeed (a check that crashed). */
export async function retryUpload(uploadId: unknown): Promise<UploadActionResult> {
  return userAction<UploadActionResult>("retryUpload", "The file could not be checked again. Try again.", async (user) => {
    const id = uploadIdSchema.safeParse(uploadId);
    if (!id.success) return { ok: false, error: "Upload not found." };
    return retryOwnUpload(user, id.data);
  });
}

/** The user's upload of a file with this size and head checksum, so that adding it again does not upload it twice. */
export async function findUploadLike(fingerprint: unknown): Promise<FindUploadResult> {
  return userAction<FindUploadResult>("findUploadLike", "The file could not be compared with your uploads.", async (user) => {
    const parsed = uploadFingerprintSchema.safeParse(fingerprint);
    if (!parsed.success) return { ok: false, error: `Invalid file fingerprint: ${parsed.error.issues[0].message}` };
    return findOwnUploadLike(user, parsed.data);
  });
}

const profileIdSchema = z.string().uuid({ message: "not a profile id" });

/** Saves the wizard's current choices under a name (replacing the user's profile of that name). */
export async function saveImportProfile(input: unknown): Promise<SaveProfileResult> {
  return userAction<SaveProfileResult>("saveImportProfile", "The profile could not be saved. Try again.", async (user) => {
    const parsed = importProfileInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: issue.path[0] === "name" ? issue.message : `Invalid import choice ${issue.path.join(".")}: ${issue.message}` };
    }
    const db = await database();
    const profile = await db.asUser(user.id, (sql) => saveProfileRow(sql, user.id, parsed.data));
    return { ok: true, profile };
  });
}

/** Deletes one of the user's profiles; another user's id deletes nothing. */
export async function deleteImportProfile(profileId: unknown): Promise<{ ok: boolean }> {
  return userCommand("deleteImportProfile", async (user) => {
    const id = profileIdSchema.safeParse(profileId);
    if (!id.success) return false;
    const db = await database();
    return db.asUser(user.id, (sql) => deleteProfileRow(sql, id.data));
  });
}

/**
 * Makes a new dataset from the user's datasets: a recipe run, an alignment, the points inside
 * a regression band or a model's forecasts. An invalid request names the field's path.
 */
export async function deriveDataset(input: unknown): Promise<StartDerivationResult> {
  return userAction<StartDerivationResult>("deriveDataset", "The new dataset could not be started. Try again.", async (user) => {
    const parsed = deriveRequestSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = formatPath(issue.path);
      return { ok: false, error: field ? `${field}: ${issue.message}` : issue.message };
    }
    return startDerivation(user, parsed.data);
  });
}

const recipeIdSchema = z.string().uuid({ message: "not a recipe id" });

/** Saves a recipe under a name (replacing the user's recipe of that name); an invalid one is refused naming its field. */
export async function saveRecipe(input: unknown): Promise<SaveRecipeResult> {
  return userAction<SaveRecipeResult>("saveRecipe", "The recipe could not be saved. Try again.", async (user) => {
    const parsed = savedRecipeInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = formatPath(issue.path);
      return { ok: false, error: field && field !== "name" ? `${field}: ${issue.message}` : issue.message };
    }
    const db = await database();
    const recipe = await db.asUser(user.id, (sql) => saveRecipeRow(sql, user.id, parsed.data));
    return { ok: true, recipe };
  });
}

/** Deletes one of the user's saved recipes; another user's id deletes nothing. */
export async function deleteRecipe(recipeId: unknown): Promise<{ ok: boolean }> {
  return userCommand("deleteRecipe", async (user) => {
    const id = recipeIdSchema.safeParse(recipeId);
    if (!id.success) return false;
    const db = await database();
    return db.asUser(user.id, (sql) => deleteRecipeRow(sql, id.data));
  });
}
