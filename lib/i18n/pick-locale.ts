import { DEFAULT_LOCALE, localeSchema, type Locale } from "@/lib/contracts/locale";

/**
 * The UI language: the user's choice (cookie) if it names a known locale, else the first
 * language of Accept-Language we have (by q-value; "de-AT" counts as "de"), else English.
 */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null | undefined): Locale {
  const chosen = localeSchema.safeParse(cookie);
  if (chosen.success) return chosen.data;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const known = localeSchema.safeParse(entry.language);
    if (known.success) return known.data;
  }
  return DEFAULT_LOCALE;
}
