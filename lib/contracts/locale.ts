import { z } from "zod";

/** The UI languages: English first, German next. Each has its messages/<locale>.json. */
export const LOCALES = ["en", "de"] as const;
export const localeSchema = z.enum(LOCALES, { error: "Unknown language." });
export type Locale = z.infer<typeof localeSchema>;
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that keeps the user's explicit choice from the header switch. */
export const LOCALE_COOKIE = "chronoframe-locale";
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;
