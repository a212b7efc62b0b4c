import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/server/db/migrate";
import { openPostgresDatabase } from "@/server/db/postgres-database";
import { startAppServer, type AppServer } from "../../support/app-server";
import { CookieJar, postServerAction, serverActionIds, startFakeSupabaseAuth, type FakeSupabaseAuth, type FakeUser } from "../../support/fake-supabase-auth";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

/**
 * Cloud mode's sign-in protocol end to end: the production server, a fresh migrated
 * PostgreSQL database, and a local GoTrue stand-in (the only double: Supabase Auth's server
 * cannot run here). Tokens are ES256, verified by the app through getClaims() and the
 * stand-in's JWKS.
 */

const ROOT = path.resolve(__dirname, "..", "..", "..");
const PASSWORD = "correct horse battery";
// @supabase/ssr names the cookie after the first label of the Supabase host (127.0.0.1 → "127").
const STORAGE_KEY = "sb-127-auth-token";

let auth: FakeSupabaseAuth;
let testDb: TestDatabase;
let app: AppServer;
let alice: FakeUser;
let bob: FakeUser;
let actions: Map<string, string>;

const actionId = (name: string) => {
  const id = actions.get(`app/auth-actions.ts#${name}`);
  if (!id) throw new Error(`server action ${name} is not in the build`);
  return id;
};

function sessionFromJar(jar: CookieJar): Record<string, unknown> | null {
  const chunks = jar
    .names()
    .filter((name) => name === STORAGE_KEY || name.startsWith(`${STORAGE_KEY}.`))
    .sort((a, b) => Number(a.split(".")[1] ?? -1) - Number(b.split(".")[1] ?? -1))
    .map((name) => jar.cookies.get(name)!);
  if (chunks.length === 0) return null;
  const joined = decodeURIComponent(chunks.join(""));
  const json = joined.startsWith("base64-") ? Buffer.from(joined.slice("base64-".length), "base64url").toString("utf8") : joined;
  return JSON.parse(json) as Record<string, unknown>;
}

/** A session cookie as @supabase/ssr writes it, for crafting bad ones. */
function jarWithSession(session: Record<string, unknown>): CookieJar {
  const jar = new CookieJar();
  jar.cookies.set(STORAGE_KEY, `base64-${Buffer.from(JSON.stringify(session)).toString("base64url")}`);
  return jar;
}

const get = (route: string, init: { token?: string; jar?: CookieJar; method?: string; headers?: Record<string, string> } = {}) =>
  fetch(`${app.url}${route}`, {
    method: init.method ?? "GET",
    redirect: "manual",
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.jar ? { Cookie: init.jar.header() } : {}),
      ...init.headers,
    },
  });

/** Where a redirect goes, resolved the way a browser resolves a (possibly relative) Location. */
const locationOf = (response: Response) => {
  const location = response.headers.get("location");
  return location === null ? null : new URL(location, app.url).href;
};

async function signInThroughPage(user: FakeUser, password: string, next = "/datasets") {
  const jar = new CookieJar();
  const page = await get(`/sign-in?next=${encodeURIComponent(next)}`, { jar });
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('name="email"');
  expect(html).toContain('name="password"');
  const result = await postServerAction(app.url, `/sign-in?next=${encodeURIComponent(next)}`, actionId("signIn"), { form: { email: user.email, password, next } }, jar);
  return { jar, result };
}

beforeAll(async () => {
  actions = serverActionIds(JSON.parse(readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")));
  auth = await startFakeSupabaseAuth();
  alice = auth.addUser("alice@example.com", PASSWORD);
  bob = auth.addUser("bob@example.com", PASSWORD);
  testDb = await createTestDatabase();
  const db = openPostgresDatabase(testDb.url, { max: 1 });
  await migrate(db);
  await db.close();
  app = await startAppServer({
    env: { DATABASE_URL: testDb.url, SUPABASE_URL: auth.url, SUPABASE_ANON_KEY: auth.anonKey, CRON_SECRET: "cron-secret-for-tests", WORKER_THREADS: "1" },
  });
});

afterAll(async () => {
  await app?.stop();
  await auth?.close();
  await testDb?.drop();
});

describe("signing in through the sign-in page", () => {
  it("sets the @supabase/ssr session cookie, then /datasets renders and /api/files answers 200", async () => {
    const before = auth.count("POST", "/auth/v1/token");
    const { jar, result } = await signInThroughPage(alice, PASSWORD);
    expect(result.status).toBe(200);
    expect(result.redirect).toBe("/datasets");

    // The app asked GoTrue for a password grant with the project's key and the typed credentials.
    const grants = auth.requests.filter((request) => request.path === "/auth/v1/token" && request.query.grant_type === "password");
    expect(auth.count("POST", "/auth/v1/token")).toBe(before + 1);
    const grant = grants.at(-1)!;
    expect(grant.headers.apikey).toBe(auth.anonKey);
    expect(grant.body).toMatchObject({ email: alice.email, password: PASSWORD });
    expect(grant.status).toBe(200);

    // The cookie holds a session whose access token this GoTrue signed for Alice.
    const session = sessionFromJar(jar);
    expect(session).not.toBeNull();
    const claims = await auth.verify(String(session!.access_token));
    expect(claims?.sub).toBe(alice.id);
    expect(typeof session!.refresh_token).toBe("string");

    const datasets = await get("/datasets", { jar });
    expect(datasets.status).toBe(200);
    expect(await datasets.text()).toContain("alice@example.com");
    const files = await get("/api/files", { jar });
    expect(files.status).toBe(200);
    expect(await files.json()).toEqual({ uploads: [] });
  });

  it("a wrong password gets the form's error and no session cookie", async () => {
    const { jar, result } = await signInThroughPage(alice, "not the password");
    expect(result.status).toBe(200);
    expect(result.redirect).toBeNull();
    expect(result.body).toContain("Wrong email or password.");
    expect(sessionFromJar(jar)).toBeNull();
    expect((await get("/api/files", { jar })).status).toBe(401);
  });

  it("signing out clears the cookie and ends the session at GoTrue", async () => {
    const { jar } = await signInThroughPage(bob, PASSWORD);
    const token = String(sessionFromJar(jar)!.access_token);
    expect((await get("/api/files", { jar })).status).toBe(200);
    const logouts = auth.count("POST", "/auth/v1/logout");
    const out = await postServerAction(app.url, "/datasets", actionId("signOut"), "none", jar);
    expect(out.redirect).toBe("/sign-in");
    expect(auth.count("POST", "/auth/v1/logout")).toBe(logouts + 1);
    expect(auth.requests.filter((request) => request.path === "/auth/v1/logout").at(-1)!.headers.authorization).toBe(`Bearer ${token}`);
    expect(sessionFromJar(jar)).toBeNull();
    expect((await get("/api/files", { jar })).status).toBe(401);
    expect(await auth.verify(token)).toBeNull();
  });

  it("the proxy refreshes an expired access token with the refresh token and rewrites the cookie", async () => {
    const { jar } = await signInThroughPage(alice, PASSWORD);
    const session = sessionFromJar(jar)!;
    const stale = jarWithSession({ ...session, access_token: await auth.expiredToken(alice), expires_at: Math.floor(Date.now() / 1000) - 60 });
    const refreshes = auth.requests.filter((request) => request.query.grant_type === "refresh_token").length;
    const page = await get("/datasets", { jar: stale });
    expect(page.status).toBe(200);
    const refreshed = auth.requests.filter((request) => request.query.grant_type === "refresh_token");
    expect(refreshed.length).toBe(refreshes + 1);
    expect(refreshed.at(-1)!.body).toMatchObject({ refresh_token: session.refresh_token });
    stale.store(page);
    const renewed = sessionFromJar(stale)!;
    expect(renewed.access_token).not.toBe(session.access_token);
    expect((await auth.verify(String(renewed.access_token)))?.sub).toBe(alice.id);
    // The old refresh token was rotated away: replaying it no longer signs anyone in.
    const replay = jarWithSession({ ...session, access_token: await auth.expiredToken(alice), expires_at: Math.floor(Date.now() / 1000) - 60 });
    const again = await get("/datasets", { jar: replay });
    expect(again.status).toBe(307);
    expect(locationOf(again)).toBe(`${app.url}/sign-in?next=%2Fdatasets`);
  });

  it("API routes and tus uploads (which bypass the proxy) also refresh an expired session themselves", async () => {
    const { jar } = await signInThroughPage(alice, PASSWORD);
    const created = await fetch(`${app.url}/api/uploads`, {
      method: "POST",
      headers: { Cookie: jar.header(), "Tus-Resumable": "1.0.0", "Upload-Length": "12", "Upload-Metadata": `filename ${Buffer.from("refresh.csv").toString("base64")}` },
    });
    expect(created.status).toBe(201);
    const id = created.headers.get("location")!.split("/").at(-1)!;
    for (const route of ["/api/files", `/api/uploads/${id}`]) {
      const { jar: fresh } = await signInThroughPage(alice, PASSWORD);
      const session = sessionFromJar(fresh)!;
      const stale = jarWithSession({ ...session, access_token: await auth.expiredToken(alice), expires_at: Math.floor(Date.now() / 1000) - 60 });
      const response = await get(route, { jar: stale, method: route === "/api/files" ? "GET" : "HEAD", headers: { "Tus-Resumable": "1.0.0" } });
      expect(response.status, route).toBe(200);
      stale.store(response);
      expect(sessionFromJar(stale)!.refresh_token, `${route} sends the rotated session back`).not.toBe(session.refresh_token);
    }
  });
});

describe("sign-up and password reset through Supabase's email links", () => {
  it("sign-up sends a confirmation link to the callback; following it signs the new user in", async () => {
    const jar = new CookieJar();
    const result = await postServerAction(app.url, "/sign-up", actionId("signUp"), { form: { email: "carol@example.com", password: "carol's long password" } }, jar);
    expect(result.redirect).toBeNull();
    expect(result.body).toContain("Check your email to confirm your account");
    const mail = auth.mails.at(-1)!;
    expect(mail).toMatchObject({ kind: "signup", email: "carol@example.com", redirectTo: `${app.url}/auth/callback?next=/datasets` });
    // Not signed in before confirming.
    expect((await get("/api/files", { jar })).status).toBe(401);
    const callback = await get(`/auth/callback?code=${mail.code}&next=/datasets`, { jar });
    expect(locationOf(callback)).toBe(`${app.url}/datasets`);
    jar.store(callback);
    const carol = [...auth.users.values()].find((user) => user.email === "carol@example.com")!;
    expect((await auth.verify(String(sessionFromJar(jar)?.access_token)))?.sub).toBe(carol.id);
    expect((await get("/datasets", { jar })).status).toBe(200);
    // A code is good once, and only with the browser that asked for it (its PKCE verifier).
    const replay = await get(`/auth/callback?code=${mail.code}&next=/datasets`, { jar: new CookieJar() });
    expect(locationOf(replay)).toBe(`${app.url}/sign-in?next=%2Fdatasets`);
  });

  it("a reset link signs in, and the new password then replaces the old one", async () => {
    const dave = auth.addUser("dave@example.com", "dave's old password");
    const jar = new CookieJar();
    await postServerAction(app.url, "/reset-password", actionId("requestPasswordReset"), { form: { email: dave.email } }, jar);
    const mail = auth.mails.at(-1)!;
    expect(mail.email).toBe(dave.email);
    // Someone else's browser (without the PKCE verifier) cannot use the link.
    const stolen = await get(`/auth/callback?code=${mail.code}&next=/update-password`, { jar: new CookieJar() });
    expect(locationOf(stolen)).toBe(`${app.url}/sign-in?next=%2Fupdate-password`);
    const callback = await get(`/auth/callback?code=${mail.code}&next=/update-password`, { jar });
    expect(locationOf(callback)).toBe(`${app.url}/update-password`);
    jar.store(callback);
    expect((await get("/update-password", { jar })).status).toBe(200);
    const short = await postServerAction(app.url, "/update-password", actionId("updatePassword"), { form: { password: "short" } }, jar);
    expect(short.body).toMatch(/"error":"[^"]+"/);
    const updated = await postServerAction(app.url, "/update-password", actionId("updatePassword"), { form: { password: "dave's new password" } }, jar);
    expect(updated.redirect).toBe("/datasets");
    expect(dave.password).toBe("dave's new password");
    expect((await signInThroughPage(dave, "dave's old password")).result.redirect).toBeNull();
    expect((await signInThroughPage(dave, "dave's new password")).result.redirect).toBe("/datasets");
  });
});

describe("bearer tokens and bad credentials", () => {
  it("an ES256 token signed with the project key gets into the API", async () => {
    const response = await get("/api/files", { token: await auth.mintToken(alice) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ uploads: expect.any(Array) });
  });

  const badTokens: [string, () => Promise<string | undefined>][] = [
    ["missing", async () => undefined],
    ["expired", () => auth.expiredToken(alice)],
    ["tampered (sub changed to another user after signing)", () => auth.tamperedToken(alice, { sub: bob.id })],
    ["tampered (role raised to service_role)", () => auth.tamperedToken(alice, { role: "service_role" })],
    ["signed with another key under the project's kid", () => auth.foreignKeyToken(alice)],
    ["signed with another key and an unknown kid", () => auth.unknownKidToken(alice)],
    ["HS256 with a guessed shared secret", () => auth.hs256Token(alice)],
    ["alg none", async () => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${Buffer.from(JSON.stringify({ sub: alice.id, role: "authenticated", exp: 9999999999 })).toString("base64url")}.`],
    ["not a JWT at all", async () => "garbage"],
    ["RS256 claimed under the project's ES256 kid", async () => {
      const [, payload, signature] = (await auth.mintToken(alice)).split(".");
      return [Buffer.from(JSON.stringify({ alg: "RS256", kid: auth.kid, typ: "JWT" })).toString("base64url"), payload, signature].join(".");
    }],
    ["a role other than authenticated (validly signed)", () => auth.mintToken(alice, { claims: { role: "anon" } })],
  ];

  for (const [label, make] of badTokens) {
    it(`${label}: 401 on API routes, a redirect to sign-in on pages`, async () => {
      const token = await make();
      for (const [method, route] of [["GET", "/api/files"], ["POST", "/api/uploads"], ["POST", "/api/pusher/auth"], ["GET", "/api/events?channel=x"]] as const) {
        const response = await get(route, { token, method, headers: method === "POST" && route === "/api/uploads" ? { "Tus-Resumable": "1.0.0", "Upload-Length": "10" } : {} });
        expect(response.status, `${method} ${route}`).toBe(401);
      }
      // Pages read the session cookie: the same token in a cookie session does not get in either.
      const jar = token ? jarWithSession({ access_token: token, refresh_token: "nope", token_type: "bearer", expires_in: 3600, expires_at: Math.floor(Date.now() / 1000) + 3600, user: { id: alice.id } }) : new CookieJar();
      const page = await get("/datasets?view=all", { jar });
      expect(page.status).toBe(307);
      expect(locationOf(page)).toBe(`${app.url}/sign-in?next=${encodeURIComponent("/datasets?view=all")}`);
    });
  }

  it("a page without a session redirects to sign-in with the page to come back to", async () => {
    for (const page of ["/", "/datasets", "/analyses", "/training", "/update-password"]) {
      const response = await get(page);
      expect(response.status, page).toBe(307);
      expect(locationOf(response)).toBe(`${app.url}/sign-in?next=${encodeURIComponent(page)}`);
    }
    for (const page of ["/sign-in", "/sign-up", "/reset-password"]) expect((await get(page)).status, page).toBe(200);
  });
});

describe("the sign-in callback only redirects to relative paths on this site", () => {
  const hostile = [
    "https://evil.example/steal",
    "http:evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/%5Cevil.example",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/..//evil.example",
    "/.//evil.example",
    "/%2e%2e//evil.example",
    "/a/..//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    " //evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "@evil.example",
  ];

  // Percent-encoded slashes stay literal path characters: harmless paths on this site.
  const KEPT_AS_PATHS = new Set(["/%5Cevil.example", "/%2F%2Fevil.example"]);

  function assertSameSite(location: string | null, label: string) {
    expect(location, label).not.toBeNull();
    const target = new URL(location!, app.url);
    expect(target.origin, `${label} → ${location}`).toBe(app.url);
    expect(target.pathname.startsWith("//"), `${label} → ${location}`).toBe(false);
  }

  it("without a code: to sign-in, keeping only a safe next", async () => {
    for (const next of hostile) {
      const response = await get(`/auth/callback?next=${encodeURIComponent(next)}`);
      expect(response.status).toBe(307);
      const location = response.headers.get("location");
      assertSameSite(location, next);
      const kept = new URL(location!, app.url).searchParams.get("next")!;
      expect(kept.startsWith("/") && !kept.startsWith("//") && !kept.startsWith("/\\"), `${next} → ${kept}`).toBe(true);
      assertSameSite(new URL(kept, app.url).href, `${next} (kept next)`);
    }
  });

  it("with a real PKCE code from a password-reset mail: a session, and only ever a same-site target", async () => {
    for (const next of [...hostile, "/update-password"]) {
      const jar = new CookieJar();
      const reset = await postServerAction(app.url, "/reset-password", actionId("requestPasswordReset"), { form: { email: alice.email } }, jar);
      expect(reset.body).toContain("If an account exists for this address");
      const mail = auth.mails.at(-1)!;
      expect(mail).toMatchObject({ kind: "recovery", email: alice.email, redirectTo: `${app.url}/auth/callback?next=/update-password` });
      expect(mail.code).toEqual(expect.any(String));
      expect(jar.names()).toContain(`${STORAGE_KEY}-code-verifier`);
      const response = await get(`/auth/callback?code=${mail.code}&next=${encodeURIComponent(next)}`, { jar });
      expect(response.status).toBe(307);
      const location = response.headers.get("location");
      assertSameSite(location, next);
      jar.store(response);
      expect((await auth.verify(String(sessionFromJar(jar)?.access_token)))?.sub, next).toBe(alice.id);
      // A percent-encoded path such as /%5Cevil.example stays a path on this site; that is fine.
      if (next === "/update-password") expect(locationOf(response)).toBe(`${app.url}/update-password`);
      else if (KEPT_AS_PATHS.has(next)) expect(locationOf(response), next).toBe(`${app.url}${next}`);
      else expect(locationOf(response), next).toBe(`${app.url}/datasets`);
    }
  });

  it("after signing in, the action's redirect is also only a same-site path", async () => {
    for (const next of ["//evil.example", "/..//evil.example", "https://evil.example", "/datasets?from=sign-in"]) {
      const { result } = await signInThroughPage(alice, PASSWORD, next);
      expect(result.redirect, next).toBe(next.startsWith("/datasets") ? next : "/datasets");
    }
  });
});

describe("one user's files are invisible to another", () => {
  const tus = (route: string, token: string, method: string, headers: Record<string, string> = {}, body?: string) =>
    fetch(`${app.url}${route}`, { method, headers: { Authorization: `Bearer ${token}`, "Tus-Resumable": "1.0.0", ...headers }, body });

  it("Bob cannot HEAD, PATCH, GET or DELETE Alice's tus upload (404), and /api/files lists only one's own", async () => {
    const aliceToken = await auth.mintToken(alice);
    const bobToken = await auth.mintToken(bob);
    const content = "time,value\n2024-01-01T00:00:00Z,1\n";
    const created = await tus("/api/uploads", aliceToken, "POST", {
      "Upload-Length": String(Buffer.byteLength(content)),
      "Upload-Metadata": `filename ${Buffer.from("alice.csv").toString("base64")}`,
    });
    expect(created.status).toBe(201);
    const location = created.headers.get("location")!;
    const id = location.split("/").at(-1)!;
    const route = `/api/uploads/${id}`;

    expect((await tus(route, bobToken, "HEAD")).status).toBe(404);
    expect((await tus(route, bobToken, "PATCH", { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" }, content)).status).toBe(404);
    expect((await tus(route, bobToken, "GET")).status).toBe(404);
    expect((await tus(route, bobToken, "DELETE")).status).toBe(404);

    // Alice's upload is untouched by Bob's attempts: still there, still at offset 0.
    const head = await tus(route, aliceToken, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("upload-offset")).toBe("0");

    const aliceFiles = (await (await tus("/api/files", aliceToken, "GET")).json()) as { uploads: { id: string; filename: string }[] };
    const bobFiles = (await (await tus("/api/files", bobToken, "GET")).json()) as { uploads: { id: string }[] };
    expect(aliceFiles.uploads.map((upload) => upload.id)).toContain(id);
    expect(bobFiles.uploads.map((upload) => upload.id)).not.toContain(id);

    // Bob's own upload shows up for Bob only.
    const bobs = await tus("/api/uploads", bobToken, "POST", { "Upload-Length": "5", "Upload-Metadata": `filename ${Buffer.from("bob.csv").toString("base64")}` });
    expect(bobs.status).toBe(201);
    const bobId = bobs.headers.get("location")!.split("/").at(-1)!;
    const bobList = (await (await tus("/api/files", bobToken, "GET")).json()) as { uploads: { id: string }[] };
    expect(bobList.uploads.map((upload) => upload.id)).toEqual([bobId]);
    const aliceList = (await (await tus("/api/files", aliceToken, "GET")).json()) as { uploads: { id: string }[] };
    expect(aliceList.uploads.map((upload) => upload.id)).not.toContain(bobId);
    expect((await tus(`/api/uploads/${bobId}`, aliceToken, "HEAD")).status).toBe(404);

    // The owner can finish and delete her own upload.
    const patch = await tus(route, aliceToken, "PATCH", { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" }, content);
    expect(patch.status).toBe(204);
    expect(patch.headers.get("upload-offset")).toBe(String(Buffer.byteLength(content)));
  });
});
