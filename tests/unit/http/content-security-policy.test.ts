import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split("; ").map((part) => { const [name, ...values] = part.split(" "); return [name, values]; }));
}

describe("contentSecurityPolicy", () => {
  it("allows only scripts carrying the nonce and forbids framing", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", live: { kind: "sse" }, development: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("lets the browser reach Pusher's cluster, or the configured Pusher-protocol host", () => {
    const cluster = directives(contentSecurityPolicy({ nonce: "n", live: { kind: "pusher", key: "k", cluster: "eu", forceTLS: true }, development: false }));
    expect(cluster.get("connect-src")).toContain("wss://ws-eu.pusher.com");
    const own = directives(
      contentSecurityPolicy({ nonce: "n", live: { kind: "pusher", key: "k", cluster: "x", wsHost: "127.0.0.1", wsPort: 6001, forceTLS: false }, development: false }),
    );
    expect(own.get("connect-src")).toEqual(["'self'", "ws://127.0.0.1:6001"]);
  });

  it("allows eval and the dev server's socket only in development", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", live: { kind: "sse" }, development: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("connect-src")).toContain("ws:");
  });
});
