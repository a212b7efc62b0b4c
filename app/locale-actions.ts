"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, localeSchema } from "@/lib/contracts/locale";

// A way in like sign-in: the language is chosen before there is a session, and the cookie
// names only a language, so no user check is needed.

export async function setLocale(locale: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Unknown language." };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", sameSite: "lax", maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS });
  return { ok: true };
}
