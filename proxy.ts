import { createServerClient } from "@supabase/ssr";
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/server/config";

const PUBLIC_PAGES = ["/sign-in", "/sign-up", "/reset-password", "/auth/callback"];

/**
 * Cloud mode: refreshes the Supabase session cookies on every request (`@supabase/ssr`)
 * and sends signed-out visitors of pages to sign-in. API routes answer 401 themselves.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const auth = appConfig().auth;
  if (auth.kind !== "supabase") return NextResponse.next();
  let response = NextResponse.next({ request });
  const supabase = createServerClient(auth.url, auth.anonKey, {
    cookies: {
      getAll: () => request.cookies.getAll(),
      setAll: (list) => {
        for (const { name, value } of list) request.cookies.set(name, value);
        response = NextResponse.next({ request });
        for (const { name, value, options } of list) response.cookies.set(name, value, options);
      },
    },
  });
  // A malformed token can make getClaims throw rather than return an error: signed out.
  const { data } = await supabase.auth.getClaims().catch(() => ({ data: null }));
  const { pathname, search } = request.nextUrl;
  const isPage = !pathname.startsWith("/api/");
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
