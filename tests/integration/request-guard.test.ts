import { request as httpRequest } from "node:http";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_USER } from "@/server/auth/session-user";
import { startAppServer, type AppServer } from "../support/app-server";
import { seededDataDir, seedDataset } from "../support/seed-datasets";

const DATASET = "44444444-4444-4444-8444-444444444444";
const PAGES = ["/", "/datasets", `/datasets/${DATASET}`, `/datasets/${DATASET}/process`, "/analyses", "/analyses/align", "/analyses/regression", "/training", "/sign-in"];

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly the headers given (fetch would not let a test forge Host). */
function raw(server: AppServer, route: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      { host: "127.0.0.1", port: server.port, path: route, method: options.method ?? "GET", headers: { host: `127.0.0.1:${server.port}`, ...options.headers } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    call.on("error", reject);
    call.end(options.body);
  });
}

/** The id Next.js gave a server action in this build (what a page's form posts as `Next-Action`). */
async function actionId(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.resolve(__dirname, "..", "..", ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found[0];
}

describe("embedded mode answers only its own hosts and its own pages' writes", () => {
  let server: AppServer;
  let dataDir: string;
  const recipe = JSON.stringify({ name: "forged", recipe: { version: 1, steps: [{ op: "limits", min: 0 }] } });

  beforeAll(async () => {
    dataDir = await seededDataDir("guard", async (db, blobs) => {
      const time = Float64Array.from({ length: 50 }, (_, i) => Date.UTC(2024, 0, 1) + i * 60_000);
      await seedDataset(db, blobs, { id: DATASET, ownerId: LOCAL_USER.id, name: "guard.csv", frame: { time, columns: [{ name: "v", unit: "", values: Float64Array.from(time, (_, i) => i) }] } });
    });
    server = await startAppServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("refuses a rebinding Host with 421 on pages, API reads and uploads, and answers the loopback names", async () => {
    for (const route of ["/datasets", "/api/datasets", `/api/datasets/${DATASET}/rows`, "/api/uploads"]) {
      const answer = await raw(server, route, { method: route === "/api/uploads" ? "OPTIONS" : "GET", headers: { host: `attacker.example:${server.port}` } });
      expect(answer.status, route).toBe(421);
      expect(answer.body).not.toContain("guard.csv");
    }
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`]) {
      const answer = await raw(server, "/api/datasets", { headers: { host } });
      expect(answer.status, host).toBe(200);
      expect(answer.body).toContain("guard.csv");
    }
  });

  it("refuses a JSON route's write from another origin with 403 and makes no version", async () => {
    const route = `/api/datasets/${DATASET}/versions`;
    const forgeries: Record<string, string>[] = [
      { origin: "http://evil.example", "content-type": "text/plain" },
      { "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      { origin: "null", "content-type": "application/json" },
    ];
    for (const headers of forgeries) {
      const answer = await raw(server, route, { method: "POST", headers, body: recipe });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toEqual({ error: "Requests from another site may not change anything here." });
    }
    const listed = JSON.parse((await raw(server, "/api/datasets")).body) as { datasets: unknown[] };
    expect(listed.datasets).toHaveLength(1);
    const own = await raw(server, route, { method: "POST", headers: { origin: server.url, "content-type": "application/json" }, body: recipe });
    expect(own.status).toBe(202);
  });

  it("refuses a server action from another origin with 403 before it runs, and runs it from the app's own origin", async () => {
    const id = await actionId("createTrainingProject");
    const call = (origin: string, name: string) =>
      raw(server, "/training", { method: "POST", headers: { origin, "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" }, body: JSON.stringify([name]) });
    const forged = await call("http://evil.example", "Forged project");
    expect(forged.status).toBe(403);
    const own = await call(server.url, "Own project");
    expect(own.status).toBe(200);
    const page = (await raw(server, "/training")).body;
    expect(page).toContain("Own project");
    expect(page).not.toContain("Forged project");
  });

  it("gives tus no CORS for other origins and refuses their uploads, while its own page uploads", async () => {
    const preflight = await raw(server, "/api/uploads", {
      method: "OPTIONS",
      headers: { origin: "http://evil.example", "access-control-request-method": "POST", "access-control-request-headers": "tus-resumable,upload-length,upload-metadata" },
    });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    const create = (origin: string) =>
      raw(server, "/api/uploads", {
        method: "POST",
        headers: { origin, "tus-resumable": "1.0.0", "upload-length": "100", "upload-metadata": `filename ${Buffer.from("a.csv").toString("base64")}` },
      });
    const forged = await create("http://evil.example");
    expect(forged.status).toBe(403);
    expect(forged.headers["access-control-allow-origin"]).toBeUndefined();
    const own = await create(server.url);
    expect(own.status).toBe(201);
    expect(own.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("answers TRACE with 405", async () => {
    for (const route of ["/api/datasets", "/datasets", "/api/uploads"]) {
      expect((await raw(server, route, { method: "TRACE" })).status, route).toBe(405);
    }
  });

  it("sends a strict policy with a fresh nonce on every page, and the security headers everywhere", async () => {
    const nonces = new Set<string>();
    for (const route of PAGES) {
      const answer = await raw(server, route);
      expect(answer.status, route).toBeLessThan(400);
      const policy = String(answer.headers["content-security-policy"]);
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, route).toBeTruthy();
      nonces.add(nonce!);
      expect(policy).toContain("'strict-dynamic'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      // Next.js put the request's nonce on each of its scripts.
      const scripts = [...answer.body.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length, route).toBeGreaterThan(0);
      for (const script of scripts) expect(script, route).toContain(`nonce="${nonce}"`);
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(answer.headers["permissions-policy"]).toContain("camera=()");
    }
    expect(nonces.size).toBe(PAGES.length);
    for (const route of ["/api/datasets", "/api/health", `/api/datasets/${DATASET}/download?format=csv`]) {
      const answer = await raw(server, route);
      expect(answer.headers["content-security-policy"], route).toContain("default-src 'none'");
      expect(answer.headers["x-content-type-options"], route).toBe("nosniff");
    }
  });
});
