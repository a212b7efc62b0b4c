import "server-only";
import { z } from "zod";
import { currentUser } from "@/server/auth/current-user";
import type { SessionUser } from "@/server/auth/session-user";

export const jsonError = (status: number, message: string) => Response.json({ error: message }, { status });

/**
 * Wraps a route handler: no session → 401; invalid input → 400 naming the field; anything
 * unexpected → 500 with a generic message (the details go to the server log, never to the client).
 */
export function withUser(handler: (request: Request, user: SessionUser) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      const user = await currentUser();
      if (!user) return jsonError(401, "Sign in to continue.");
      return await handler(request, user);
    } catch (error) {
      // The client went away (a chart that moved on): nobody reads the answer, nothing went wrong.
      if (request.signal.aborted) return new Response(null, { status: 499 });
      if (error instanceof z.ZodError) {
        const issue = error.issues[0];
        return jsonError(400, `${issue.path.join(".") || "request"}: ${issue.message}`);
      }
      console.error(`${request.method} ${new URL(request.url).pathname}:`, error);
      return jsonError(500, "Something went wrong on the server. Try again.");
    }
  };
}
