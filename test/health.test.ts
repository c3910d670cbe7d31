import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./server";

/** The probes over HTTP, against a real process and database. */
let server: TestServer;
let log = "";
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    log += chunk.toString();
    done();
  },
});

beforeAll(async () => {
  server = await startTestServer({ log: { level: "info", destination: sink } });
});
afterAll(async () => {
  await server.close();
});

describe("health and readiness", () => {
  it("answers /healthz while the process runs, uncached and unlogged", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok" });
    expect(log).not.toContain("/healthz");
  });

  it("answers /readyz 200 with the database reached, and Redis only when it is configured", async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", checks: { database: "ok", redis: "off" } });
    expect(log).not.toContain("/readyz");
  });
});
