import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";

/**
 * A local stand-in for Supabase Auth (GoTrue), speaking the endpoints supabase-js 2.109 calls
 * (read from node_modules/@supabase/auth-js): it signs ES256 access tokens with its own key
 * pair, publishes the public key at /auth/v1/.well-known/jwks.json, and checks what it is
 * sent (the `apikey` header, credentials, refresh tokens, bearer tokens, PKCE verifiers)
 * the way the real server does. Every request is recorded for the tests to inspect.
 */

export interface FakeUser {
  id: string;
  email: string;
  password: string;
  confirmed: boolean;
  createdAt: string;
}

export interface RecordedAuthRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  status: number;
}

/** A mail GoTrue would have sent (sign-up confirmation or password recovery). */
export interface SentMail {
  kind: "signup" | "recovery";
  email: string;
  redirectTo: string | null;
  /** The PKCE auth code the link carries (`?code=`), when the client sent a code challenge. */
  code: string | null;
}

export interface TokenOptions {
  /** Seconds from now; negative for an already expired token. */
  expiresIn?: number;
  sessionId?: string;
  claims?: Record<string, unknown>;
}

interface Session {
  id: string;
  userId: string;
  refreshTokens: Set<string>;
  revoked: boolean;
}

interface PendingCode {
  userId: string;
  challenge: string;
  method: string;
  kind: SentMail["kind"];
}

export interface FakeSupabaseAuth {
  /** The SUPABASE_URL to give the app (the client appends /auth/v1). */
  url: string;
  anonKey: string;
  kid: string;
  publicJwk: JWK;
  requests: RecordedAuthRequest[];
  mails: SentMail[];
  users: Map<string, FakeUser>;
  addUser(email: string, password: string, options?: { confirmed?: boolean }): FakeUser;
  /** A valid access token for the user, as the real server would issue it. */
  mintToken(user: FakeUser, options?: TokenOptions): Promise<string>;
  /** Signed correctly but expired. */
  expiredToken(user: FakeUser): Promise<string>;
  /** Same header (kid, ES256), signed with a different private key. */
  foreignKeyToken(user: FakeUser): Promise<string>;
  /** Signed with a different key that announces an unknown kid. */
  unknownKidToken(user: FakeUser): Promise<string>;
  /** A valid token whose payload was changed after signing (here: `sub` of another user). */
  tamperedToken(user: FakeUser, patch: Record<string, unknown>): Promise<string>;
  /** HS256 with some shared secret (the legacy scheme; this server only trusts its ES256 key). */
  hs256Token(user: FakeUser, secret?: string): Promise<string>;
  /** Verifies a token the way this server does (signature, expiry, live session). */
  verify(token: string): Promise<JWTPayload | null>;
  count(method: string, path: string): number;
  close(): Promise<void>;
}

const ALG = "ES256";
const ACCESS_TOKEN_SECONDS = 3600;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return { __unparsable: text };
  }
}

const base64url = (buffer: Buffer) => buffer.toString("base64url");

export async function startFakeSupabaseAuth(options: { anonKey?: string; autoConfirm?: boolean } = {}): Promise<FakeSupabaseAuth> {
  const anonKey = options.anonKey ?? `anon-${randomBytes(12).toString("hex")}`;
  const autoConfirm = options.autoConfirm ?? false;
  const kid = randomUUID();
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: "sig", key_ops: ["verify"] };
  const otherKeys = await generateKeyPair(ALG, { extractable: true });

  const users = new Map<string, FakeUser>();
  const sessions = new Map<string, Session>();
  const refreshIndex = new Map<string, Session>();
  const codes = new Map<string, PendingCode>();
  const requests: RecordedAuthRequest[] = [];
  const mails: SentMail[] = [];
  let url = "";

  const issuer = () => `${url}/auth/v1`;

  const userObject = (user: FakeUser) => ({
    id: user.id,
    aud: "authenticated",
    role: "authenticated",
    email: user.email,
    email_confirmed_at: user.confirmed ? user.createdAt : null,
    confirmed_at: user.confirmed ? user.createdAt : null,
    phone: "",
    last_sign_in_at: new Date().toISOString(),
    app_metadata: { provider: "email", providers: ["email"] },
    user_metadata: {},
    identities: [],
    created_at: user.createdAt,
    updated_at: new Date().toISOString(),
    is_anonymous: false,
  });

  const claimsFor = (user: FakeUser, sessionId: string, expiresIn: number, extra: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: issuer(),
      sub: user.id,
      aud: "authenticated",
      exp: now + expiresIn,
      iat: now,
      email: user.email,
      phone: "",
      app_metadata: { provider: "email", providers: ["email"] },
      user_metadata: {},
      role: "authenticated",
      aal: "aal1",
      amr: [{ method: "password", timestamp: now }],
      session_id: sessionId,
      is_anonymous: false,
      ...extra,
    };
  };

  const sign = (payload: Record<string, unknown>, key: CryptoKey = privateKey, headerKid: string = kid) =>
    new SignJWT(payload).setProtectedHeader({ alg: ALG, kid: headerKid, typ: "JWT" }).sign(key);

  const mintToken = async (user: FakeUser, tokenOptions: TokenOptions = {}) => {
    const sessionId = tokenOptions.sessionId ?? newSession(user).id;
    return sign(claimsFor(user, sessionId, tokenOptions.expiresIn ?? ACCESS_TOKEN_SECONDS, tokenOptions.claims));
  };

  function newSession(user: FakeUser): Session {
    const session: Session = { id: randomUUID(), userId: user.id, refreshTokens: new Set(), revoked: false };
    sessions.set(session.id, session);
    return session;
  }

  async function sessionResponse(user: FakeUser, session: Session) {
    const refreshToken = base64url(randomBytes(16));
    session.refreshTokens.add(refreshToken);
    refreshIndex.set(refreshToken, session);
    const accessToken = await mintToken(user, { sessionId: session.id });
    return {
      access_token: accessToken,
      token_type: "bearer",
      expires_in: ACCESS_TOKEN_SECONDS,
      expires_at: Math.floor(Date.now() / 1000) + ACCESS_TOKEN_SECONDS,
      refresh_token: refreshToken,
      user: userObject(user),
    };
  }

  /** Signature with this server's key, not expired, session not signed out. */
  async function verify(token: string): Promise<JWTPayload | null> {
    try {
      const { payload } = await jwtVerify(token, publicKey, { algorithms: [ALG], issuer: issuer(), audience: "authenticated" });
      const session = typeof payload.session_id === "string" ? sessions.get(payload.session_id) : undefined;
      if (!session || session.revoked || session.userId !== payload.sub) return null;
      return payload;
    } catch {
      return null;
    }
  }

  const findByEmail = (email: string) => [...users.values()].find((user) => user.email === email.trim().toLowerCase());

  function addUser(email: string, password: string, userOptions: { confirmed?: boolean } = {}): FakeUser {
    const user: FakeUser = { id: randomUUID(), email: email.trim().toLowerCase(), password, confirmed: userOptions.confirmed ?? true, createdAt: new Date().toISOString() };
    users.set(user.id, user);
    return user;
  }

  function issueCode(user: FakeUser, kind: SentMail["kind"], body: Record<string, unknown>): string | null {
    if (typeof body.code_challenge !== "string" || !body.code_challenge) return null;
    const code = randomUUID();
    codes.set(code, { userId: user.id, challenge: body.code_challenge, method: String(body.code_challenge_method ?? "plain"), kind });
    return code;
  }

  async function bearerUser(request: IncomingMessage): Promise<{ user: FakeUser; payload: JWTPayload } | null> {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    if (!token) return null;
    const payload = await verify(token);
    const user = payload?.sub ? users.get(payload.sub) : undefined;
    return payload && user ? { user, payload } : null;
  }

  type Reply = { status: number; body?: unknown };
  const error = (status: number, code: string, message: string): Reply => ({ status, body: { code: status, error_code: code, msg: message } });

  async function route(request: IncomingMessage, path: string, query: Record<string, string>, body: Record<string, unknown>): Promise<Reply> {
    if (request.method === "GET" && path === "/auth/v1/.well-known/jwks.json") return { status: 200, body: { keys: [publicJwk] } };
    // Every other endpoint needs the project's API key, as Supabase's gateway requires.
    if (request.headers.apikey !== anonKey) return { status: 401, body: { message: "Invalid API key" } };

    if (request.method === "POST" && path === "/auth/v1/token") {
      if (query.grant_type === "password") {
        const user = typeof body.email === "string" ? findByEmail(body.email) : undefined;
        if (!user || user.password !== body.password) return error(400, "invalid_credentials", "Invalid login credentials");
        if (!user.confirmed) return error(400, "email_not_confirmed", "Email not confirmed");
        return { status: 200, body: await sessionResponse(user, newSession(user)) };
      }
      if (query.grant_type === "refresh_token") {
        const token = typeof body.refresh_token === "string" ? body.refresh_token : "";
        const session = refreshIndex.get(token);
        if (!session || session.revoked || !session.refreshTokens.has(token)) return error(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
        // Rotation: a refresh token is good once.
        session.refreshTokens.delete(token);
        refreshIndex.delete(token);
        return { status: 200, body: await sessionResponse(users.get(session.userId)!, session) };
      }
      if (query.grant_type === "pkce") {
        const pending = typeof body.auth_code === "string" ? codes.get(body.auth_code) : undefined;
        const verifier = typeof body.code_verifier === "string" ? body.code_verifier : "";
        if (!pending) return error(404, "flow_state_not_found", "invalid flow state, no valid flow state found");
        const computed = pending.method === "s256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
        if (computed !== pending.challenge) return error(403, "bad_code_verifier", "code challenge does not match previously saved code verifier");
        codes.delete(String(body.auth_code));
        const user = users.get(pending.userId)!;
        user.confirmed = true;
        return { status: 200, body: await sessionResponse(user, newSession(user)) };
      }
      return error(400, "unsupported_grant_type", "unsupported_grant_type");
    }

    if (request.method === "POST" && path === "/auth/v1/signup") {
      const email = typeof body.email === "string" ? body.email : "";
      const password = typeof body.password === "string" ? body.password : "";
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) return error(400, "validation_failed", "Unable to validate email address: invalid format");
      if (password.length < 6) return { status: 422, body: { code: 422, error_code: "weak_password", msg: "Password should be at least 6 characters.", weak_password: { reasons: ["length"] } } };
      const existing = findByEmail(email);
      if (existing && autoConfirm) return error(422, "user_already_exists", "User already registered");
      if (existing) {
        // GoTrue answers with an obfuscated user so that sign-up does not reveal accounts.
        return { status: 200, body: { ...userObject({ ...existing, id: randomUUID(), confirmed: false }), identities: [] } };
      }
      const user = addUser(email, password, { confirmed: autoConfirm });
      if (autoConfirm) return { status: 200, body: await sessionResponse(user, newSession(user)) };
      mails.push({ kind: "signup", email: user.email, redirectTo: query.redirect_to ?? null, code: issueCode(user, "signup", body) });
      return { status: 200, body: userObject(user) };
    }

    if (request.method === "POST" && path === "/auth/v1/recover") {
      const email = typeof body.email === "string" ? body.email : "";
      const user = findByEmail(email);
      if (user) mails.push({ kind: "recovery", email: user.email, redirectTo: query.redirect_to ?? null, code: issueCode(user, "recovery", body) });
      return { status: 200, body: {} };
    }

    if (request.method === "POST" && path === "/auth/v1/logout") {
      const found = await bearerUser(request);
      if (!found) return error(401, "bad_jwt", "invalid JWT: unable to parse or verify signature");
      const session = sessions.get(String(found.payload.session_id));
      const scope = query.scope ?? "global";
      for (const candidate of sessions.values()) {
        const hit = scope === "global" ? candidate.userId === found.user.id : scope === "local" ? candidate === session : candidate.userId === found.user.id && candidate !== session;
        if (hit) candidate.revoked = true;
      }
      return { status: 204 };
    }

    if (path === "/auth/v1/user" && (request.method === "GET" || request.method === "PUT")) {
      const found = await bearerUser(request);
      if (!found) return error(401, "bad_jwt", "invalid JWT: unable to parse or verify signature");
      if (request.method === "PUT") {
        if (typeof body.password === "string") {
          if (body.password.length < 6) return { status: 422, body: { code: 422, error_code: "weak_password", msg: "Password should be at least 6 characters.", weak_password: { reasons: ["length"] } } };
          if (body.password === found.user.password) return error(422, "same_password", "New password should be different from the old password.");
          found.user.password = body.password;
        }
      }
      return { status: 200, body: userObject(found.user) };
    }

    return error(404, "not_found", `no route ${request.method} ${path}`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = new URL(request.url ?? "/", "http://fake.invalid");
    const query = Object.fromEntries(parsed.searchParams);
    const body = request.method === "GET" || request.method === "HEAD" ? {} : await readJson(request);
    const reply = await route(request, parsed.pathname, query, (body ?? {}) as Record<string, unknown>);
    requests.push({ method: request.method ?? "", path: parsed.pathname, query, headers: request.headers, body, status: reply.status });
    response.statusCode = reply.status;
    response.setHeader("X-Supabase-Api-Version", "2024-01-01");
    if (reply.body === undefined) {
      response.end();
      return;
    }
    response.setHeader("Content-Type", "application/json");
    response.end(JSON.stringify(reply.body));
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((failure: unknown) => {
      response.statusCode = 500;
      response.end(JSON.stringify({ message: String(failure) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  return {
    url,
    anonKey,
    kid,
    publicJwk,
    requests,
    mails,
    users,
    addUser,
    mintToken,
    expiredToken: (user) => mintToken(user, { expiresIn: -60 }),
    foreignKeyToken: async (user) => sign(claimsFor(user, newSession(user).id, ACCESS_TOKEN_SECONDS), otherKeys.privateKey, kid),
    unknownKidToken: async (user) => sign(claimsFor(user, newSession(user).id, ACCESS_TOKEN_SECONDS), otherKeys.privateKey, randomUUID()),
    tamperedToken: async (user, patch) => {
      const [header, payload, signature] = (await mintToken(user)).split(".");
      const changed = { ...JSON.parse(Buffer.from(payload, "base64url").toString("utf8")), ...patch };
      return [header, base64url(Buffer.from(JSON.stringify(changed))), signature].join(".");
    },
    hs256Token: async (user, secret = "super-secret-jwt-token-with-at-least-32-characters-long") =>
      new SignJWT(claimsFor(user, newSession(user).id, ACCESS_TOKEN_SECONDS)).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(new TextEncoder().encode(secret)),
    verify,
    count: (method, path) => requests.filter((request) => request.method === method && request.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------
// Driving the app the way a browser does (shared by the cloud-mode suites).

/** A minimal cookie jar: what the app sets with Set-Cookie, sent back as a Cookie header. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || (/^\s*expires=/i.test(attribute) && Date.parse(attribute.split("=")[1]) < Date.now()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  names(): string[] {
    return [...this.cookies.keys()];
  }
}

/** The ids the production build gave each server action: `file#export` → id. */
export function serverActionIds(manifest: { node: Record<string, { filename: string; exportedName: string }> }): Map<string, string> {
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  return ids;
}

/**
 * Calls a server action as React's client does for a `useActionState` form: POST to the
 * page with the `Next-Action` header and the arguments encoded in React 19.3's reply format
 * (`0` = the argument list, where `$K1` refers to the FormData whose fields follow under
 * the `_1_` prefix — see encodeReply in react-server-dom-webpack's client).
 */
export async function postServerAction(
  baseUrl: string,
  page: string,
  actionId: string,
  args: { state?: unknown; form?: Record<string, string> } | "none",
  jar?: CookieJar,
): Promise<{ status: number; redirect: string | null; body: string; response: Response }> {
  const body = new FormData();
  if (args === "none") {
    body.set("0", "[]");
  } else {
    // The referenced FormData's fields come first and the root model last, as React writes them.
    for (const [name, value] of Object.entries(args.form ?? {})) body.append(`_1_${name}`, value);
    body.set("0", JSON.stringify([args.state ?? {}, "$K1"]));
  }
  const response = await fetch(`${baseUrl}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": actionId,
      Accept: "text/x-component",
      Origin: baseUrl,
      ...(jar && jar.cookies.size ? { Cookie: jar.header() } : {}),
    },
    body,
  });
  jar?.store(response);
  const redirect = response.headers.get("x-action-redirect")?.split(";")[0] ?? response.headers.get("location");
  return { status: response.status, redirect, body: await response.text(), response };
}
