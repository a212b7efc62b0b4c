const FALLBACK = "/datasets";

/**
 * Where to go after signing in: only a path on this site. Absolute URLs, protocol-relative
 * `//host`, backslash tricks and control characters fall back to the Datasets page.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return FALLBACK;
  if (/[\u0000-\u001f\\]/.test(next)) return FALLBACK;
  try {
    const url = new URL(next, "http://chronoframe.invalid");
    if (url.origin !== "http://chronoframe.invalid") return FALLBACK;
    // Dot segments can collapse into `//host` ("/..//evil" → "//evil"): check the normalised path too.
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith("//") ? FALLBACK : path;
  } catch {
    return FALLBACK;
  }
}
