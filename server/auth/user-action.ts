import "server-only";
import { SpecError } from "@/lib/process/spec-errors";
import { requireUser } from "./current-user";
import { UnauthorizedError, type SessionUser } from "./session-user";

/**
 * Runs a server action for the signed-in user. Errors meant for the user (no session, a spec
 * that cannot be used) answer with their message; anything else goes to the server log under
 * the action's name and the user reads `fallback`, never the details.
 */
export async function userAction<T>(name: string, fallback: string, run: (user: SessionUser) => Promise<T>): Promise<T | { ok: false; error: string }> {
  try {
    return await run(await requireUser());
  } catch (error) {
    if (error instanceof UnauthorizedError || error instanceof SpecError) return { ok: false, error: error.message };
    console.error(`${name}:`, error);
    return { ok: false, error: fallback };
  }
}

/** The same for an action that only answers whether it was done (a delete, a cancel): every failure is `{ ok: false }`. */
export async function userCommand(name: string, run: (user: SessionUser) => Promise<boolean>): Promise<{ ok: boolean }> {
  try {
    return { ok: await run(await requireUser()) };
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) console.error(`${name}:`, error);
    return { ok: false };
  }
}
