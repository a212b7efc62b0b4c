import "server-only";
import { headers } from "next/headers";
import { config } from "@/server/config";
import { LOCAL_USER, UnauthorizedError, type SessionUser } from "./session-user";
import { supabaseServerClient } from "./supabase-server-client";

/**
 * The signed-in user of this request, or null. In cloud mode the token (from the session
 * cookie, or an `Authorization: Bearer` header for API clients) is verified with the
 * project's signing keys; a missing, expired or tampered token gives null.
 */
export async function currentUser(): Promise<SessionUser | null> {
  if (config().auth.kind === "local") return LOCAL_USER;
  const supabase = await supabaseServerClient();
  const authorization = (await headers()).get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  // getClaims returns auth errors but throws others (a header naming an algorithm the key
  // cannot verify): either way the token does not sign anyone in.
  const result = await supabase.auth.getClaims(bearer).catch(() => null);
  const claims = result && !result.error ? result.data?.claims : undefined;
  if (!claims || typeof claims.sub !== "string" || claims.role !== "authenticated") return null;
  return { id: claims.sub, email: typeof claims.email === "string" ? claims.email : null };
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new UnauthorizedError();
  return user;
}
