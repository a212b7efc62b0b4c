import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/server/db/migrate";
import { openPostgresDatabase } from "@/server/db/postgres-database";
import { startAppServer, type AppServer } from "../../support/app-server";
import { CookieJar, postServerAction, serverActionIds, startFakeSupabaseAuth, type FakeSupabaseAuth } from "../../support/fake-supabase-auth";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

/**
 * An inventory of everything a request can reach in cloud mode — every `app/**\/route.ts`
 * with each HTTP method it exports, every page, and every server action in the build — and
 * proof that none of it answers without a session. Adding a route, method, page or action
 * that is not listed here fails this suite until it is listed with how it is protected.
 */

const ROOT = path.resolve(__dirname, "..", "..", "..");
const APP_DIR = path.join(ROOT, "app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const CRON_SECRET = "cron-secret-for-the-inventory";
const SOME_UUID = "3f1c2a9e-6b7d-4e8f-9a0b-1c2d3e4f5a6b";

type Guard =
  | { kind: "session" }
  | { kind: "public-health"; reason: string }
  | { kind: "cron-secret"; reason: string }
  | { kind: "callback"; reason: string };

/** Every route file and what protects it. */
const ROUTES: Record<string, { methods: string[]; paths: string[]; guard: Guard }> = {
  "app/api/files/route.ts": { methods: ["GET"], paths: ["/api/files"], guard: { kind: "session" } },
  "app/api/events/route.ts": { methods: ["GET"], paths: [`/api/events?channel=private-upload-${SOME_UUID}`], guard: { kind: "session" } },
  "app/api/pusher/auth/route.ts": { methods: ["POST"], paths: ["/api/pusher/auth"], guard: { kind: "session" } },
  "app/api/uploads/[[...path]]/route.ts": {
    methods: ["GET", "POST", "PATCH", "HEAD", "DELETE", "OPTIONS"],
    paths: ["/api/uploads", `/api/uploads/${SOME_UUID}`],
    guard: { kind: "session" },
  },
  "app/api/datasets/route.ts": { methods: ["GET"], paths: ["/api/datasets"], guard: { kind: "session" } },
  "app/api/datasets/[datasetId]/rows/route.ts": { methods: ["GET"], paths: [`/api/datasets/${SOME_UUID}/rows`], guard: { kind: "session" } },
  "app/api/datasets/[datasetId]/series/route.ts": { methods: ["GET"], paths: [`/api/datasets/${SOME_UUID}/series`], guard: { kind: "session" } },
  "app/api/datasets/[datasetId]/points/route.ts": { methods: ["GET"], paths: [`/api/datasets/${SOME_UUID}/points`], guard: { kind: "session" } },
  "app/api/datasets/[datasetId]/versions/route.ts": { methods: ["POST"], paths: [`/api/datasets/${SOME_UUID}/versions`], guard: { kind: "session" } },
  "app/api/datasets/[datasetId]/download/route.ts": { methods: ["GET"], paths: [`/api/datasets/${SOME_UUID}/download?format=arrow`], guard: { kind: "session" } },
  "app/api/jobs/[jobId]/route.ts": { methods: ["GET"], paths: [`/api/jobs/${SOME_UUID}`], guard: { kind: "session" } },
  "app/api/training/projects/[projectId]/samples/route.ts": { methods: ["GET"], paths: [`/api/training/projects/${SOME_UUID}/samples`], guard: { kind: "session" } },
  "app/api/training-runs/route.ts": { methods: ["GET"], paths: [`/api/training-runs?projectId=${SOME_UUID}`], guard: { kind: "session" } },
  "app/api/trained-models/[modelId]/model/route.ts": { methods: ["GET"], paths: [`/api/trained-models/${SOME_UUID}/model`], guard: { kind: "session" } },
  "app/api/trained-models/[modelId]/forecasts/route.ts": { methods: ["GET"], paths: [`/api/trained-models/${SOME_UUID}/forecasts?sample=0`], guard: { kind: "session" } },
  "app/api/health/route.ts": {
    methods: ["GET"],
    paths: ["/api/health"],
    guard: { kind: "public-health", reason: "load balancers and uptime checks call it without an account; it reports only status, database, storage and version" },
  },
  "app/api/cron/cleanup/route.ts": {
    methods: ["GET"],
    paths: ["/api/cron/cleanup"],
    guard: { kind: "cron-secret", reason: "Vercel cron has no user session; it sends Authorization: Bearer $CRON_SECRET instead" },
  },
  "app/auth/callback/route.ts": {
    methods: ["GET"],
    paths: ["/auth/callback?next=%2Fdatasets"],
    guard: { kind: "callback", reason: "Supabase's email links land here before there is a session; without a valid code it only redirects to sign-in" },
  },
};

/** Every page, and whether it is one of the ways in (public) or needs a session. */
const PAGES: Record<string, { path: string; public: boolean }> = {
  "app/page.tsx": { path: "/", public: false },
  "app/datasets/page.tsx": { path: "/datasets", public: false },
  "app/datasets/[datasetId]/page.tsx": { path: `/datasets/${SOME_UUID}`, public: false },
  "app/datasets/[datasetId]/import/page.tsx": { path: `/datasets/${SOME_UUID}/import`, public: false },
  "app/datasets/[datasetId]/process/page.tsx": { path: `/datasets/${SOME_UUID}/process`, public: false },
  "app/analyses/page.tsx": { path: "/analyses", public: false },
  "app/analyses/align/page.tsx": { path: "/analyses/align", public: false },
  "app/analyses/regression/page.tsx": { path: "/analyses/regression", public: false },
  "app/training/page.tsx": { path: "/training", public: false },
  "app/training/[projectId]/page.tsx": { path: `/training/${SOME_UUID}`, public: false },
  "app/training/[projectId]/runs/[runId]/page.tsx": { path: `/training/${SOME_UUID}/runs/${SOME_UUID}`, public: false },
  "app/update-password/page.tsx": { path: "/update-password", public: false },
  "app/sign-in/page.tsx": { path: "/sign-in", public: true },
  "app/sign-up/page.tsx": { path: "/sign-up", public: true },
  "app/reset-password/page.tsx": { path: "/reset-password", public: true },
};

/** Every server action and what it does for a visitor without a session. */
const ACTIONS = [
  "app/analyses/actions.ts#previewRegressionBand",
  "app/datasets/actions.ts#startImport",
  "app/datasets/actions.ts#removeUpload",
  "app/datasets/actions.ts#retryUpload",
  "app/datasets/actions.ts#findUploadLike",
  "app/datasets/actions.ts#saveImportProfile",
  "app/datasets/actions.ts#deleteImportProfile",
  "app/datasets/actions.ts#deriveDataset",
  "app/datasets/actions.ts#saveRecipe",
  "app/datasets/actions.ts#deleteRecipe",
  "app/jobs/actions.ts#cancelJob",
  "app/training/actions.ts#createTrainingProject",
  "app/training/actions.ts#renameTrainingProject",
  "app/training/actions.ts#deleteTrainingProject",
  "app/training/actions.ts#saveTrainingConfig",
  "app/training/run-actions.ts#startTrainingRun",
  "app/auth-actions.ts#signIn",
  "app/auth-actions.ts#signUp",
  "app/auth-actions.ts#requestPasswordReset",
  "app/auth-actions.ts#updatePassword",
  "app/auth-actions.ts#signOut",
  "app/locale-actions.ts#setLocale",
];

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else found.push(path.relative(ROOT, full).split(path.sep).join("/"));
  }
  return found;
}

/** The HTTP methods a route module exports: functions, consts and `export { x as GET }`. */
function exportedMethods(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let|var)\s+([A-Z]+)\b/g)) names.add(match[1]);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of block[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).at(-1)?.trim();
      if (name) names.add(name);
    }
  }
  return [...names].filter((name) => (METHODS as readonly string[]).includes(name)).sort();
}

/** Exported async functions of files whose first statement is "use server". */
function serverActionsOnDisk(): string[] {
  const actions: string[] = [];
  for (const dir of ["app", "components", "lib", "server"]) {
    for (const file of walk(path.join(ROOT, dir)).filter((name) => /\.(ts|tsx|js|mjs)$/.test(name))) {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      if (!/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source)) continue;
      for (const match of source.matchAll(/export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=\s*async\b)/g)) actions.push(`${file}#${match[1] ?? match[2]}`);
    }
  }
  return actions.sort();
}

let auth: FakeSupabaseAuth;
let testDb: TestDatabase;
let app: AppServer;
let manifestActions: Map<string, string>;

beforeAll(async () => {
  manifestActions = serverActionIds(JSON.parse(readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")));
  auth = await startFakeSupabaseAuth();
  auth.addUser("member@example.com", "a long enough password");
  testDb = await createTestDatabase();
  const db = openPostgresDatabase(testDb.url, { max: 1 });
  await migrate(db);
  await db.close();
  app = await startAppServer({ env: { DATABASE_URL: testDb.url, SUPABASE_URL: auth.url, SUPABASE_ANON_KEY: auth.anonKey, CRON_SECRET, WORKER_THREADS: "1" } });
});

afterAll(async () => {
  await app?.stop();
  await auth?.close();
  await testDb?.drop();
});

const request = (route: string, method: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${route}`, {
    method,
    redirect: "manual",
    headers: { "Tus-Resumable": "1.0.0", ...headers },
    body: method === "POST" || method === "PATCH" ? "socket_id=1.2&channel_name=private-user-x" : undefined,
  });

describe("the inventory is complete", () => {
  it("lists every route file and exactly the HTTP methods each exports", () => {
    const onDisk = walk(APP_DIR).filter((file) => /\/route\.(ts|tsx|js)$/.test(file)).sort();
    expect(onDisk, "a route was added or removed: list it in ROUTES with its guard").toEqual(Object.keys(ROUTES).sort());
    for (const file of onDisk) {
      expect(exportedMethods(readFileSync(path.join(ROOT, file), "utf8")), `${file}: methods changed`).toEqual([...ROUTES[file].methods].sort());
    }
  });

  it("lists every page", () => {
    const onDisk = walk(APP_DIR).filter((file) => /\/page\.(tsx|ts|jsx|js)$/.test(file)).sort();
    expect(onDisk, "a page was added or removed: list it in PAGES").toEqual(Object.keys(PAGES).sort());
  });

  it("lists every server action, on disk and in the build", () => {
    expect(serverActionsOnDisk(), "a server action was added or removed: list it in ACTIONS with a test").toEqual([...ACTIONS].sort());
    expect([...manifestActions.keys()].sort(), "the build's server-reference manifest has actions not in ACTIONS").toEqual([...ACTIONS].sort());
  });
});

describe("no route answers without a session", () => {
  const noSession: [string, Record<string, string>][] = [
    ["no credentials", {}],
    ["a garbage session cookie", { Cookie: "sb-127-auth-token=base64-eyJub3QiOiJhIHNlc3Npb24ifQ" }],
    ["a garbage bearer token", { Authorization: "Bearer not.a.token" }],
  ];

  for (const [file, entry] of Object.entries(ROUTES)) {
    // Next answers HEAD with the GET handler when a route exports GET only.
    const methods = entry.methods.includes("GET") && !entry.methods.includes("HEAD") ? [...entry.methods, "HEAD"] : entry.methods;
    for (const route of entry.paths) {
      for (const method of methods) {
        it(`${method} ${route} (${file}) — ${entry.guard.kind}`, async () => {
          for (const [label, headers] of noSession) {
            const response = await request(route, method, headers);
            const body = method === "HEAD" ? "" : await response.text();
            const what = `${method} ${route} with ${label}`;
            switch (entry.guard.kind) {
              case "session":
                expect(response.status, what).toBe(401);
                expect(body, what).not.toMatch(/"uploads"|owner_id|sha256/);
                break;
              case "public-health": {
                expect(response.status, what).toBe(200);
                if (method === "GET") {
                  const health = JSON.parse(body) as Record<string, unknown>;
                  expect(Object.keys(health).sort(), what).toEqual(["database", "status", "storage", "version"]);
                  expect(health).toMatchObject({ status: "ok", database: "ok", storage: "ok", version: expect.any(String) });
                }
                break;
              }
              case "cron-secret":
                expect(response.status, what).toBe(401);
                break;
              case "callback":
                expect(response.status, what).toBe(307);
                expect(new URL(response.headers.get("location")!, app.url).href, what).toBe(`${app.url}/sign-in?next=%2Fdatasets`);
                expect(response.headers.getSetCookie().filter((cookie) => cookie.startsWith("sb-") && !/max-age=0/i.test(cookie)), what).toEqual([]);
                break;
            }
          }
        });
      }
    }
  }

  it("the cron route answers with the CRON_SECRET bearer only", async () => {
    expect((await request("/api/cron/cleanup", "GET", { Authorization: "Bearer wrong-secret" })).status).toBe(401);
    expect((await request("/api/cron/cleanup", "GET", { Authorization: `bearer ${CRON_SECRET}x` })).status).toBe(401);
    // A user's session is not the cron secret either.
    const user = auth.users.values().next().value!;
    expect((await request("/api/cron/cleanup", "GET", { Authorization: `Bearer ${await auth.mintToken(user)}` })).status).toBe(401);
    const ok = await request("/api/cron/cleanup", "GET", { Authorization: `Bearer ${CRON_SECRET}` });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ completedUploads: expect.any(Number), expiredUploads: expect.any(Number), removedFiles: expect.any(Number) });
  });

  for (const [file, page] of Object.entries(PAGES)) {
    it(`page ${page.path} (${file}) ${page.public ? "is a way in" : "redirects to sign-in"}`, async () => {
      const response = await request(page.path, "GET");
      if (page.public) {
        expect(response.status).toBe(200);
        expect(await response.text()).toMatch(/<form/);
      } else {
        expect(response.status).toBe(307);
        expect(new URL(response.headers.get("location")!, app.url).href).toBe(`${app.url}/sign-in?next=${encodeURIComponent(page.path)}`);
      }
    });
  }
});

describe("no server action does anything harmful without a session", () => {
  const id = (name: string) => manifestActions.get(`app/auth-actions.ts#${name}`)!;
  const sessionCookies = (jar: CookieJar) => jar.names().filter((name) => name.startsWith("sb-") && !name.endsWith("-code-verifier"));
  const gotrueCalls = () => auth.requests.filter((entry) => entry.path !== "/auth/v1/.well-known/jwks.json").length;

  it("signIn (a way in): bad input gets an error, wrong credentials get an error, no cookie either way", async () => {
    const forms: Record<string, string>[] = [{}, { email: "not-an-email", password: "whatever123" }, { email: "member@example.com", password: "short" }];
    for (const form of forms) {
      const jar = new CookieJar();
      const before = gotrueCalls();
      const result = await postServerAction(app.url, "/sign-in", id("signIn"), { form }, jar);
      expect(result.redirect, JSON.stringify(form)).toBeNull();
      expect(result.body).toMatch(/"error":"[^"]+"/);
      expect(sessionCookies(jar)).toEqual([]);
      expect(gotrueCalls(), "invalid input never reaches Supabase").toBe(before);
    }
    const jar = new CookieJar();
    const wrong = await postServerAction(app.url, "/sign-in", id("signIn"), { form: { email: "member@example.com", password: "the wrong password" } }, jar);
    expect(wrong.redirect).toBeNull();
    expect(wrong.body).toContain('"error":"Wrong email or password."');
    expect(sessionCookies(jar)).toEqual([]);
  });

  it("signUp (a way in): bad input gets an error and creates no account", async () => {
    const users = auth.users.size;
    const forms: Record<string, string>[] = [{}, { email: "nobody", password: "long enough password" }, { email: "new@example.com", password: "short" }];
    for (const form of forms) {
      const jar = new CookieJar();
      const result = await postServerAction(app.url, "/sign-up", id("signUp"), { form }, jar);
      expect(result.redirect, JSON.stringify(form)).toBeNull();
      expect(result.body).toMatch(/"error":"[^"]+"/);
      expect(sessionCookies(jar)).toEqual([]);
    }
    expect(auth.users.size).toBe(users);
  });

  it("requestPasswordReset (a way in): bad input gets an error; any address gets the same notice and no session", async () => {
    const mails = auth.mails.length;
    const bad = await postServerAction(app.url, "/reset-password", id("requestPasswordReset"), { form: { email: "nope" } });
    expect(bad.body).toMatch(/"error":"[^"]+"/);
    const jar = new CookieJar();
    const unknown = await postServerAction(app.url, "/reset-password", id("requestPasswordReset"), { form: { email: "stranger@example.com" } }, jar);
    expect(unknown.redirect).toBeNull();
    expect(unknown.body).toContain('"notice":"If an account exists for this address, a reset link is on its way."');
    expect(sessionCookies(jar)).toEqual([]);
    expect(auth.mails.length).toBe(mails);
  });

  // Posted from their own (protected) page, the proxy turns the visitor away before the
  // action runs; posted from a public page the action runs and checks the session itself.
  it("updatePassword: redirects to sign-in and never reaches Supabase", async () => {
    const before = auth.requests.filter((entry) => entry.path === "/auth/v1/user").length;
    const viaPage = await postServerAction(app.url, "/update-password", id("updatePassword"), { form: { password: "a brand new password" } });
    expect(viaPage.status).toBe(307);
    expect(viaPage.redirect).toBe("/sign-in?next=%2Fupdate-password");
    const direct = await postServerAction(app.url, "/sign-in", id("updatePassword"), { form: { password: "a brand new password" } });
    expect(direct.status).toBe(200);
    expect(direct.redirect).toBe("/sign-in?next=/update-password");
    expect(auth.requests.filter((entry) => entry.path === "/auth/v1/user").length).toBe(before);
  });

  // Only protected pages carry startImport: the proxy turns the visitor away before it runs;
  // posted from a public page it is not there to run. Either way no job is queued.
  it("startImport: redirects to sign-in from the pages that carry it, runs nowhere else, queues nothing", async () => {
    const startImport = manifestActions.get("app/datasets/actions.ts#startImport")!;
    for (const page of ["/datasets", `/datasets/${SOME_UUID}/import`]) {
      const viaPage = await postServerAction(app.url, page, startImport, "none");
      expect(viaPage.status).toBe(307);
      expect(viaPage.redirect).toBe(`/sign-in?next=${encodeURIComponent(page)}`);
    }
    const direct = await postServerAction(app.url, "/sign-in", startImport, "none");
    expect(direct.body).not.toContain('"ok":true');
    const db = openPostgresDatabase(testDb.url, { max: 1 });
    expect(await db.asService((sql) => sql.query("select id from jobs"))).toEqual([]);
    await db.close();
  });

  // The upload actions live on the Datasets page: the proxy turns a visitor away there, and
  // posted elsewhere they answer without removing, checking or finding anything.
  it("removeUpload, retryUpload and findUploadLike: nothing removed, checked or found without a session", async () => {
    const db = openPostgresDatabase(testDb.url, { max: 1 });
    const ownerId = "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f";
    await db.asUser(ownerId, (sql) =>
      sql.query("insert into uploads (id, owner_id, filename, size_bytes, status, expires_at) values ($1, $2, 'kept.csv', 10, 'failed', now() + interval '1 day')", [SOME_UUID, ownerId]),
    );
    for (const action of ["removeUpload", "retryUpload", "findUploadLike"]) {
      const actionId = manifestActions.get(`app/datasets/actions.ts#${action}`)!;
      const viaPage = await postServerAction(app.url, "/datasets", actionId, "none");
      expect(viaPage.status).toBe(307);
      expect(viaPage.redirect).toBe(`/sign-in?next=${encodeURIComponent("/datasets")}`);
      const direct = await postServerAction(app.url, "/sign-in", actionId, "none");
      expect(direct.body).not.toContain('"ok":true');
    }
    expect(await db.asService((sql) => sql.query("select status from uploads where id = $1", [SOME_UUID]))).toEqual([{ status: "failed" }]);
    expect(await db.asService((sql) => sql.query("select id from jobs where upload_id = $1", [SOME_UUID]))).toEqual([]);
    await db.asService((sql) => sql.query("delete from uploads where id = $1", [SOME_UUID]));
    await db.close();
  });

  // The profile actions live on the wizard page only: the proxy turns a visitor away there,
  // and posted elsewhere they answer without saving or deleting anything.
  it("saveImportProfile and deleteImportProfile: nothing saved or deleted without a session", async () => {
    const db = openPostgresDatabase(testDb.url, { max: 1 });
    const ownerId = "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f";
    const [kept] = await db.asUser(ownerId, (sql) =>
      sql.query<{ id: string }>("insert into import_profiles (owner_id, name, options) values ($1, 'kept', '{}'::jsonb) returning id", [ownerId]),
    );
    for (const action of ["saveImportProfile", "deleteImportProfile"]) {
      const actionId = manifestActions.get(`app/datasets/actions.ts#${action}`)!;
      const viaPage = await postServerAction(app.url, `/datasets/${SOME_UUID}/import`, actionId, "none");
      expect(viaPage.status).toBe(307);
      expect(viaPage.redirect).toBe(`/sign-in?next=${encodeURIComponent(`/datasets/${SOME_UUID}/import`)}`);
      const direct = await postServerAction(app.url, "/sign-in", actionId, "none");
      expect(direct.body).not.toContain('"ok":true');
    }
    const rows = await db.asService((sql) => sql.query<{ id: string; name: string }>("select id::text, name from import_profiles"));
    expect(rows).toEqual([{ id: kept.id, name: "kept" }]);
    await db.close();
  });

  // The recipe actions live on the recipe editor page: the proxy turns a visitor away there,
  // and posted elsewhere they answer without saving or deleting anything.
  it("saveRecipe and deleteRecipe: nothing saved or deleted without a session", async () => {
    const db = openPostgresDatabase(testDb.url, { max: 1 });
    const ownerId = "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f";
    const [kept] = await db.asUser(ownerId, (sql) =>
      sql.query<{ id: string }>(`insert into recipes (owner_id, name, recipe) values ($1, 'kept', '{"version":1,"steps":[]}'::jsonb) returning id`, [ownerId]),
    );
    for (const action of ["saveRecipe", "deleteRecipe"]) {
      const actionId = manifestActions.get(`app/datasets/actions.ts#${action}`)!;
      const viaPage = await postServerAction(app.url, `/datasets/${SOME_UUID}/process`, actionId, "none");
      expect(viaPage.status).toBe(307);
      expect(viaPage.redirect).toBe(`/sign-in?next=${encodeURIComponent(`/datasets/${SOME_UUID}/process`)}`);
      const direct = await postServerAction(app.url, "/sign-in", actionId, "none");
      expect(direct.body).not.toContain('"ok":true');
    }
    const rows = await db.asService((sql) => sql.query<{ id: string; name: string }>("select id::text, name from recipes"));
    expect(rows).toEqual([{ id: kept.id, name: "kept" }]);
    await db.close();
  });

  // The band preview lives on the regression page only: the proxy turns a visitor away
  // there, and posted elsewhere it answers with an error, not a band.
  it("previewRegressionBand: redirects to sign-in from its page, computes nothing anywhere", async () => {
    const preview = manifestActions.get("app/analyses/actions.ts#previewRegressionBand")!;
    const viaPage = await postServerAction(app.url, "/analyses/regression", preview, "none");
    expect(viaPage.status).toBe(307);
    expect(viaPage.redirect).toBe(`/sign-in?next=${encodeURIComponent("/analyses/regression")}`);
    const direct = await postServerAction(app.url, "/sign-in", preview, "none");
    expect(direct.body).not.toContain('"ok":true');
    expect(direct.body).not.toContain('"chart"');
  });

  // The project actions live on the training pages: the proxy turns a visitor away there, and
  // posted elsewhere they answer without creating, renaming, saving or deleting anything.
  it("training project actions: nothing created, renamed, saved or deleted without a session", async () => {
    const db = openPostgresDatabase(testDb.url, { max: 1 });
    const ownerId = "0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e";
    const [kept] = await db.asUser(ownerId, (sql) =>
      sql.query<{ id: string }>("insert into training_projects (owner_id, name, config) values ($1, 'kept', '{\"version\":1}'::jsonb) returning id", [ownerId]),
    );
    for (const action of ["createTrainingProject", "renameTrainingProject", "deleteTrainingProject", "saveTrainingConfig"]) {
      const actionId = manifestActions.get(`app/training/actions.ts#${action}`)!;
      for (const page of ["/training", `/training/${kept.id}`]) {
        const viaPage = await postServerAction(app.url, page, actionId, "none");
        expect(viaPage.status).toBe(307);
        expect(viaPage.redirect).toBe(`/sign-in?next=${encodeURIComponent(page)}`);
      }
      const direct = await postServerAction(app.url, "/sign-in", actionId, "none");
      expect(direct.body, action).not.toContain('"ok":true');
    }
    const rows = await db.asService((sql) => sql.query<{ id: string; name: string; config: unknown }>("select id::text, name, config from training_projects"));
    expect(rows).toEqual([{ id: kept.id, name: "kept", config: { version: 1 } }]);
    await db.close();
  });

  it("signOut: redirects to sign-in and logs nobody out", async () => {
    const before = auth.count("POST", "/auth/v1/logout");
    const viaPage = await postServerAction(app.url, "/datasets", id("signOut"), "none");
    expect(viaPage.status).toBe(307);
    expect(viaPage.redirect).toBe("/sign-in?next=%2Fdatasets");
    const direct = await postServerAction(app.url, "/sign-in", id("signOut"), "none");
    expect(direct.status).toBe(200);
    expect(direct.redirect).toBe("/sign-in");
    expect(auth.count("POST", "/auth/v1/logout")).toBe(before);
  });

  // A way in: the language is chosen before there is a session. It sets only the language
  // cookie, and only to a language the app has.
  it("setLocale (a way in): sets the language cookie to a known language only, never a session", async () => {
    const setLocale = manifestActions.get("app/locale-actions.ts#setLocale")!;
    for (const bad of ["fr", "de; Path=/evil", ""]) {
      const jar = new CookieJar();
      const result = await postServerAction(app.url, "/sign-in", setLocale, { state: bad }, jar);
      expect(result.body, bad).toContain('"ok":false');
      expect(jar.names(), bad).toEqual([]);
    }
    const jar = new CookieJar();
    const chosen = await postServerAction(app.url, "/sign-in", setLocale, { state: "de" }, jar);
    expect(chosen.body).toContain('"ok":true');
    expect([...jar.cookies]).toEqual([["chronoframe-locale", "de"]]);
    const german = await (await fetch(`${app.url}/sign-in`, { headers: { Cookie: jar.header(), "Accept-Language": "en-US" } })).text();
    expect(german).toContain('<html lang="de"');
    expect(german).toContain("Anmelden");
    const byBrowser = await (await fetch(`${app.url}/sign-in`, { headers: { "Accept-Language": "de-AT,de;q=0.9,en;q=0.5" } })).text();
    expect(byBrowser).toContain('<html lang="de"');
    const english = await (await fetch(`${app.url}/sign-in`, { headers: { "Accept-Language": "fr-FR" } })).text();
    expect(english).toContain('<html lang="en"');
  });
});
