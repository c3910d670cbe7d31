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

function signInFrom(localAddress: string, headers: Record<string, string> = {}): Promise<number> {
  const { port } = new URL(server.url);
  const body = JSON.stringify({ email, password: `${PASSWORD}-wrong` });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        method: "POST",
        path: "/api/auth/sign-in/email",
        headers: { "content-type": "application/json", origin: server.url, "content-length": Buffer.byteLength(body), ...headers },
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
