import "server-only";
import { guardRequest, hostName, type GuardPolicy } from "@/lib/http/request-guard";
import { config } from "@/server/config";

/** Host names a local server always answers for: the loopback names a browser on this machine uses. */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];
/** Set by Vercel at run time: the deployment's own host names. */
const VERCEL_HOST_VARIABLES = ["VERCEL_URL", "VERCEL_BRANCH_URL", "VERCEL_PROJECT_PRODUCTION_URL"];

function publicOrigin(): string | null {
  const publicUrl = config().publicUrl;
  if (!publicUrl) return null;
  try {
    return new URL(publicUrl).origin;
  } catch {
    return null;
  }
}

/**
 * Which hosts and origins this deployment serves. Embedded mode answers for the loopback
 * names only (plus what PUBLIC_URL and ALLOWED_HOSTS add), which defeats DNS rebinding. In
 * the cloud the configured names apply; with none configured any host is answered, since
 * sign-in then guards every request, and writes must still come from the request's own origin.
 */
export function guardPolicy(): GuardPolicy {
  const settings = config();
  const origin = publicOrigin();
  const configured = [...settings.allowedHosts];
  if (origin) configured.push(hostName(new URL(origin).host)!);
  for (const name of VERCEL_HOST_VARIABLES) {
    const value = process.env[name];
    if (value) configured.push(...[hostName(value)].filter((host): host is string => host !== null));
  }
  const allowedHosts = settings.auth.kind === "local" ? [...LOOPBACK_HOSTS, ...configured] : configured;
  return { allowedHosts: [...new Set(allowedHosts)], trustedOrigins: origin ? [origin] : [] };
}

/** A refusal for a request this server must not answer (foreign host, cross-site write, TRACE), or null. */
export function refusedRequest(request: Request): Response | null {
  const verdict = guardRequest(
    {
      method: request.method,
      host: request.headers.get("host"),
      origin: request.headers.get("origin"),
      secFetchSite: request.headers.get("sec-fetch-site"),
    },
    guardPolicy(),
  );
  if (verdict.ok) return null;
  return Response.json({ error: verdict.message }, { status: verdict.status, headers: verdict.status === 405 ? { Allow: "GET, HEAD, POST, PATCH, DELETE, OPTIONS" } : {} });
}
