import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirmOwner, makeDeps, PASSWORD } from "./factories";
import { startTestServer, type TestServer } from "./server";

/**
 * better-auth's rate limits must see each client's own address (STACK-NOTES): requests from
 * 127.0.0.2 exhaust its budget without touching 127.0.0.3's, and a client cannot reset its
 * budget by sending the internal client-IP header itself.
 */
let server: TestServer;
let email: string;

beforeAll(async () => {
  server = await startTestServer({ env: { AUTH_RATE_LIMIT: "true" } });
  const owner = await createFirmOwner(makeDeps(server.app.deps.db));
  email = owner.email;
});
afterAll(async () => {
  await server.close();
});

function signInFrom(localAddress: string, headers: Record<string, string> = {}, target: TestServer = server): Promise<number> {
  return postFrom(target, localAddress, "/api/auth/sign-in/email", headers);
}

function postFrom(
  target: TestServer,
  localAddress: string,
  path: string,
  headers: Record<string, string> = {},
  login = email,
): Promise<number> {
  const { port } = new URL(target.url);
  const body = JSON.stringify({ email: login, password: `${PASSWORD}-wrong` });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        method: "POST",
        path,
        headers: { "content-type": "application/json", origin: target.url, "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("auth rate limits per client address", () => {
  it("limits one address without affecting another, whatever header the client sends", async () => {
    const first: number[] = [];
    for (let i = 0; i < 12; i++) first.push(await signInFrom("127.0.0.2", { "x-jointly-client-ip": `10.0.0.${i}` }));
    expect(first.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(first.slice(10)).toEqual([429, 429]);
    expect(await signInFrom("127.0.0.3")).toBe(401);
  });
});

describe("TRUST_PROXY", () => {
  it("without it, X-Forwarded-For is ignored: one socket address is one bucket, whatever it claims", async () => {
    const results: number[] = [];
    for (let i = 0; i < 11; i++) results.push(await signInFrom("127.0.0.4", { "x-forwarded-for": `203.0.113.${i}` }));
    expect(results.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(results[10]).toBe(429);
  });

  it("behind a trusted proxy, each forwarded client has its own buckets (better-auth's and the edge's)", async () => {
    const behindProxy = await startTestServer({ env: { AUTH_RATE_LIMIT: "true", TRUST_PROXY: "1" } });
    try {
      const user = await createFirmOwner(makeDeps(behindProxy.app.deps.db));
      const attempt = (client: string) =>
        postFrom(behindProxy, "127.0.0.5", "/api/auth/sign-in/email", { "x-forwarded-for": client }, user.email);
      const first: number[] = [];
      for (let i = 0; i < 11; i++) first.push(await attempt("198.51.100.7"));
      expect(first.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(first[10]).toBe(429);
      // Another client behind the same proxy (same socket address) is unaffected.
      expect(await attempt("198.51.100.8")).toBe(401);
      // A client naming extra hops itself: only the address the trusted proxy saw counts.
      expect(await attempt("10.9.9.9, 198.51.100.7")).toBe(429);

      // The edge's own limit (30 posts a minute on /api/auth) is per forwarded client too.
      const edge: number[] = [];
      for (let i = 0; i < 31; i++)
        edge.push(await postFrom(behindProxy, "127.0.0.5", "/api/auth/no-such-endpoint", { "x-forwarded-for": "198.51.100.20" }));
      expect(edge.slice(0, 30).every((s) => s !== 429)).toBe(true);
      expect(edge[30]).toBe(429);
      expect(await postFrom(behindProxy, "127.0.0.5", "/api/auth/no-such-endpoint", { "x-forwarded-for": "198.51.100.21" })).not.toBe(429);
    } finally {
      await behindProxy.close();
    }
  });
});
