import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirmOwner, makeDeps, PASSWORD } from "./factories";
import { capturedLog, signIn, startTestServer, type TestServer } from "./server";

/** /metrics: off unless METRICS_TOKEN is set, then only for a scraper that holds the token. */
const TOKEN = "metrics-token-for-tests-0123456789";

describe("/metrics switched off", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("does not exist without METRICS_TOKEN, whatever the client sends", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });
});

describe("/metrics with METRICS_TOKEN", () => {
  let server: TestServer;
  const log = capturedLog();
  beforeAll(async () => {
    server = await startTestServer({
      env: { METRICS_TOKEN: TOKEN },
      log: {
        level: "info",
        destination: log.destination,
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const scrape = (authorization?: string) => fetch(`${server.url}/metrics`, authorization ? { headers: { authorization } } : {});

  it("refuses a scraper without the right bearer token", async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const res = await scrape(authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe("Bearer");
      expect(await res.text()).not.toContain("nodejs_");
    }
  });

  it("reports request durations by route, event-loop lag, sockets, the admission queue and the database pool, without logging the scrape", async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/api/v1/firms/me`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/networks/some-network`)).status).toBe(401);

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const body = await res.text();
    // Routes are patterns, never raw URLs (whose ids would make a series per request).
    expect(body).toContain('jointly_http_request_duration_seconds_count{method="GET",route="/api/v1/firms/me",status="401"} 3');
    expect(body).toContain('jointly_http_request_duration_seconds_count{method="GET",route="/api/v1/networks/:networkId",status="401"} 1');
    expect(body).not.toContain("some-network");
    for (const name of [
      "nodejs_eventloop_lag_seconds",
      "process_resident_memory_bytes",
      "jointly_admission_in_flight 0",
      "jointly_admission_queued 0",
      "jointly_admission_shed_total",
      "jointly_socketio_connected_sockets 0",
    ]) {
      expect(body).toContain(name);
    }
    // The pool exists on PostgreSQL only.
    expect(body.includes("jointly_db_pool_connections")).toBe(server.app.database.kind === "postgres");
    expect(body.includes("jointly_db_pool_waiting 0")).toBe(server.app.database.kind === "postgres");

    // A live socket is counted while it is connected.
    const owner = await createFirmOwner(makeDeps(server.app.deps.db));
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      expect(await (await scrape(`Bearer ${TOKEN}`)).text()).toContain("jointly_socketio_connected_sockets 1");
    } finally {
      socket.disconnect();
    }

    const apiLines = () =>
      log
        .text()
        .split("\n")
        .filter((line) => line.includes('"route":"/api/v1/firms/me"'));
    await expect.poll(() => apiLines().length).toBe(3);
    expect(log.text()).not.toContain("/metrics");
  });
});
