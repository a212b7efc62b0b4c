/**
 * Which requests a Chronoframe server answers at all. Two attacks from a web page the user
 * happens to visit are refused here: DNS rebinding (the page's own host name resolves to
 * 127.0.0.1, so the browser sends our server a foreign `Host`) and cross-site writes (a form
 * or fetch from another origin that changes state). Reads need only the host check, since
 * the same-origin policy keeps other sites from reading the answers.
 */
export interface RequestFacts {
  method: string;
  /** The `Host` header as sent (name and optional port). */
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
}

export interface GuardPolicy {
  /** Lower-case host names this server answers for (no ports); empty means any host. */
  allowedHosts: readonly string[];
  /** Origins besides the request's own that may change state (e.g. the public URL behind a proxy). */
  trustedOrigins: readonly string[];
}

export type GuardVerdict = { ok: true } | { ok: false; status: 400 | 403 | 405 | 421; message: string };

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Methods no part of the app answers; TRACE would echo a request's cookies back. */
export const UNSUPPORTED_METHODS: ReadonlySet<string> = new Set(["TRACE", "TRACK", "CONNECT"]);
export const unsupportedMethodMessage = (method: string) => `${method} is not supported.`;

/** The host name of a `Host` header (`[::1]:3000` → `[::1]`), lower case; null when it is not one. */
export function hostName(host: string): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(host.trim());
  return match ? match[1].toLowerCase().replace(/\.$/, "") : null;
}

function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function guardRequest(facts: RequestFacts, policy: GuardPolicy): GuardVerdict {
  const method = facts.method.toUpperCase();
  if (UNSUPPORTED_METHODS.has(method)) return { ok: false, status: 405, message: unsupportedMethodMessage(method) };
  const name = facts.host ? hostName(facts.host) : null;
  if (!name) return { ok: false, status: 400, message: "The request has no valid Host header." };
  if (policy.allowedHosts.length > 0 && !policy.allowedHosts.includes(name)) {
    return { ok: false, status: 421, message: `This server does not answer for the host ${name}.` };
  }
  if (READ_METHODS.has(method)) return { ok: true };
  if (facts.origin !== null) {
    const fromOrigin = originHost(facts.origin);
    const sameOrigin = fromOrigin !== null && fromOrigin === facts.host!.trim().toLowerCase();
    if (sameOrigin || policy.trustedOrigins.includes(facts.origin)) return { ok: true };
    return { ok: false, status: 403, message: "Requests from another site may not change anything here." };
  }
  // No Origin: browsers still say where a request comes from; other clients (the CLI, curl) cannot be forged by a page.
  if (facts.secFetchSite === "cross-site" || facts.secFetchSite === "same-site") {
    return { ok: false, status: 403, message: "Requests from another site may not change anything here." };
  }
  return { ok: true };
}
