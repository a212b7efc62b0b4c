import { describe, expect, it } from "vitest";
import { guardRequest, hostName, type GuardPolicy, type RequestFacts } from "@/lib/http/request-guard";

const embedded: GuardPolicy = { allowedHosts: ["localhost", "127.0.0.1", "[::1]"], trustedOrigins: [] };
const request = (facts: Partial<RequestFacts>): RequestFacts => ({
  method: "GET",
  host: "127.0.0.1:3000",
  origin: null,
  secFetchSite: null,
  ...facts,
});

describe("hostName", () => {
  it("drops the port and lower-cases, keeping IPv6 brackets", () => {
    expect(hostName("LocalHost:3000")).toBe("localhost");
    expect(hostName("[::1]:3310")).toBe("[::1]");
    expect(hostName("127.0.0.1")).toBe("127.0.0.1");
    expect(hostName("example.org.")).toBe("example.org");
  });
  it("rejects what is not a host", () => {
    expect(hostName("a b")).toBeNull();
    expect(hostName("evil.example:3000/x")).toBeNull();
    expect(hostName("")).toBeNull();
  });
});

describe("guardRequest", () => {
  it("answers reads for the hosts it serves, on any port", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3310", "[::1]:80", "localhost"]) {
      expect(guardRequest(request({ host }), embedded)).toEqual({ ok: true });
    }
  });

  it("refuses a rebinding host with 421, even for reads", () => {
    const verdict = guardRequest(request({ host: "attacker.example:3310" }), embedded);
    expect(verdict).toMatchObject({ ok: false, status: 421 });
  });

  it("refuses a missing or malformed Host with 400", () => {
    expect(guardRequest(request({ host: null }), embedded)).toMatchObject({ ok: false, status: 400 });
    expect(guardRequest(request({ host: "a b" }), embedded)).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses TRACE, TRACK and CONNECT with 405", () => {
    for (const method of ["TRACE", "track", "CONNECT"]) {
      expect(guardRequest(request({ method }), embedded)).toMatchObject({ ok: false, status: 405 });
    }
  });

  it("lets a page of its own origin change state", () => {
    const facts = request({ method: "POST", host: "localhost:3000", origin: "http://localhost:3000", secFetchSite: "same-origin" });
    expect(guardRequest(facts, embedded)).toEqual({ ok: true });
  });

  it("refuses writes from another origin, including another port and the opaque origin", () => {
    for (const origin of ["http://evil.example", "http://localhost:4000", "null", "file://", "chrome-extension://abc"]) {
      for (const method of ["POST", "PATCH", "DELETE", "PUT"]) {
        expect(guardRequest(request({ method, host: "localhost:3000", origin }), embedded)).toMatchObject({ ok: false, status: 403 });
      }
    }
  });

  it("refuses writes a browser marks cross-site or same-site even without Origin", () => {
    for (const secFetchSite of ["cross-site", "same-site"]) {
      expect(guardRequest(request({ method: "POST", secFetchSite }), embedded)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it("lets clients that are not browsers write (no Origin, no Sec-Fetch-Site)", () => {
    expect(guardRequest(request({ method: "POST" }), embedded)).toEqual({ ok: true });
    expect(guardRequest(request({ method: "POST", secFetchSite: "none" }), embedded)).toEqual({ ok: true });
  });

  it("trusts a configured public origin behind a proxy", () => {
    const cloud: GuardPolicy = { allowedHosts: ["app.example.org"], trustedOrigins: ["https://app.example.org"] };
    const facts = request({ method: "POST", host: "app.example.org", origin: "https://app.example.org" });
    expect(guardRequest(facts, cloud)).toEqual({ ok: true });
    expect(guardRequest({ ...facts, origin: "https://evil.example" }, cloud)).toMatchObject({ ok: false, status: 403 });
  });

  it("answers any host when no host is configured, but still refuses cross-origin writes", () => {
    const open: GuardPolicy = { allowedHosts: [], trustedOrigins: [] };
    expect(guardRequest(request({ host: "whatever.example" }), open)).toEqual({ ok: true });
    expect(guardRequest(request({ method: "POST", host: "whatever.example", origin: "http://evil.example" }), open)).toMatchObject({ ok: false, status: 403 });
  });
});
