import { z } from "zod";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { supabaseServerClient } from "@/server/auth/supabase-server-client";
import { config } from "@/server/config";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const callbackSchema = z.object({ code: z.string().min(1).max(1000).optional(), next: z.string().max(2000).optional() });

/**
 * A relative Location: the browser stays on the origin it asked, whatever host name the
 * server believes it has (`request.url` says `localhost` behind `next start -H`).
 */
const redirectTo = (path: string) => new Response(null, { status: 307, headers: { Location: path } });

/**
 * Where Supabase's email links land (sign-up confirmation, password reset): exchanges the
 * one-time code for a session cookie, then goes on to a path on this site only.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const parsed = callbackSchema.safeParse(Object.fromEntries(url.searchParams));
  const next = safeNextPath(parsed.success ? parsed.data.next : undefined);
  if (config().auth.kind !== "supabase" || !parsed.success || !parsed.data.code) {
    return redirectTo(`/sign-in?next=${encodeURIComponent(next)}`);
  }
  const supabase = await supabaseServerClient();
  const { error } = await supabase.auth.exchangeCodeForSession(parsed.data.code);
  const target = error ? `/sign-in?next=${encodeURIComponent(next)}` : next;
  return redirectTo(target);
}
