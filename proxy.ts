import { createServerClient } from "@supabase/ssr";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";
import { config as appConfig } from "@/server/config";
import { liveTransport } from "@/server/config/live-transport";
import { refusedRequest } from "@/server/http/request-policy";

const PUBLIC_PAGES = ["/sign-in", "/sign-up", "/reset-password", "/auth/callback"];

/**
 * Every request but static files and uploads (which guard themselves): refuses foreign hosts
 * and cross-site writes, gives each page a fresh CSP nonce (Next.js reads it from the request's
 * policy header and puts it on its scripts), and in cloud mode refreshes the Supabase session
 * cookies (`@supabase/ssr`) and sends signed-out visitors of pages to sign-in. API routes answer
 * 401 themselves.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const refusal = refusedRequest(request);
  if (refusal) return refusal;
  const { pathname, search } = request.nextUrl;
  const isPage = !pathname.startsWith("/api/");
  const policy = isPage
    ? contentSecurityPolicy({ nonce: btoa(crypto.randomUUID()), live: liveTransport(), development: process.env.NODE_ENV === "development" })
    : null;
  const forward = () => {
    const headers = new Headers(request.headers);
    if (policy) headers.set("Content-Security-Policy", policy);
    const response = NextResponse.next({ request: { headers } });
    if (policy) response.headers.set("Content-Security-Policy", policy);
    return response;
  };
  let response = forward();
  const auth = appConfig().auth;
  if (auth.kind !== "supabase") return response;
  const supabase = createServerClient(auth.url, auth.anonKey, {
    cookies: {
      getAll: () => request.cookies.getAll(),
      setAll: (list) => {
        for (const { name, value } of list) request.cookies.set(name, value);
        response = forward();
        for (const { name, value, options } of list) response.cookies.set(name, value, options);
      },
    },
  });
  // A malformed token can make getClaims throw rather than return an error: signed out.
  const { data } = await supabase.auth.getClaims().catch(() => ({ data: null }));
  // The same rule as currentUser(): a verified token of an authenticated user.
  const signedIn = typeof data?.claims?.sub === "string" && data.claims.role === "authenticated";
  if (!signedIn && isPage && !PUBLIC_PAGES.some((page) => pathname.startsWith(page))) {
    const target = request.nextUrl.clone();
    target.pathname = "/sign-in";
    target.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(target);
  }
  return response;
}

export const config = {
  // Uploads bypass the proxy: Next.js buffers the bodies of requests that pass through it,
  // which would hold whole chunks in memory and lose the bytes of an interrupted one.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/uploads).*)"],
};
