"use server";

import { z } from "zod";
import type { StartImportResult } from "@/lib/contracts/dataset-import";
import { importOptionsSchema } from "@/lib/ingest/import-options";
import { requireUser } from "@/server/auth/current-user";
import { UnauthorizedError } from "@/server/auth/session-user";
import { startImportJob } from "@/server/datasets/start-import";

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
