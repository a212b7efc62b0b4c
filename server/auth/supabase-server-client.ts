import "server-only";
import { createServerClient } from "@supabase/ssr";
import { cookies } from "next/headers";
import { config } from "@/server/config";

/**
 * A Supabase client bound to this request's cookies (`@supabase/ssr`). Setting cookies
 * fails silently in Server Components; proxy.ts refreshes them on every request instead.
 */
export async function supabaseServerClient() {
  const auth = config().auth;
  if (auth.kind !== "supabase") throw new Error("Supabase auth is not configured");
  const cookieStore = await cookies();
  return createServerClient(auth.url, auth.anonKey, {
    cookies: {
      getAll: () => cookieStore.getAll(),
      setAll: (list) => {
        try {
          for (const { name, value, options } of list) cookieStore.set(name, value, options);
        } catch {
          // Called from a Server Component: the proxy has refreshed the session already.
        }
      },
    },
  });
}
