import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorResponse } from "../server/api/responses-common";
import { createFirmOwner, makeDeps, PASSWORD } from "./factories";
import { capturedLog, signIn, startTestServer, type TestServer } from "./server";

/**
 * A whole server with a tiny admission queue (1 running, 1 waiting) under a crowd of signed-in
 * page loads and API calls, three times what it may hold: every answer is a 200 or a polite 503
 * with Retry-After; never a 500, never a timeout.
 */
const MAX_IN_FLIGHT = 1;
const MAX_QUEUE = 1;
let server: TestServer;
const log = capturedLog();

beforeAll(async () => {
  server = await startTestServer({
    pages: true,
    env: { MAX_IN_FLIGHT: String(MAX_IN_FLIGHT), MAX_QUEUE: String(MAX_QUEUE), QUEUE_TIMEOUT_MS: "30000" },
    log: {
      level: "warn",
      destination: log.destination,
    },
  });
});
afterAll(async () => {
  await server.close();
});

describe("load shedding on the real server", () => {
  it("answers a crowd beyond the queue with 200s and 503s carrying Retry-After, and no other 5xx", async () => {
    const owner = await createFirmOwner(makeDeps(server.app.deps.db));
    const cookie = await signIn(server.url, owner.email, PASSWORD);
    const crowd = 3 * (MAX_IN_FLIGHT + MAX_QUEUE) * 2;
    const answers = await Promise.all(
      Array.from({ length: crowd }, async (_, i) => {
        const api = i % 2 === 1;
        const res = await fetch(`${server.url}${api ? "/api/v1/firms/me" : "/home"}`, {
          headers: { cookie, "accept-language": "es", accept: api ? "application/json" : "text/html" },
          redirect: "manual",
        });
        return { api, status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.text() };
      }),
    );
    expect(answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
    const refused = answers.filter((a) => a.status === 503);
    // At least the first request runs and at most N + M are let in at once; with all of them
    // sent together, some are refused.
    expect(answers.some((a) => a.status === 200)).toBe(true);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.retryAfter).toBe("30");
      if (answer.api) {
        // The API's documented error shape.
        expect(errorResponse.parse(JSON.parse(answer.body))).toEqual({
          error: { code: "overloaded", message: "The server is busy: try again in a few seconds" },
        });
      } else {
        expect(answer.body).toContain("Ocupado ahora");
      }
    }
    // Shedding is logged as a warning, never as an error.
    expect(log.text()).toContain('"status":503');
    expect(log.text()).not.toMatch(/"level":(50|60)/);
  });
});
