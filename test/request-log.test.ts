import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { loggableUrl } from "../server/http/request-log";
import { createFirmOwner, makeDeps, PASSWORD } from "./factories";
import { browserless, capturedLog, startTestServer, type TestServer } from "./server";

/**
 * The request log at info level holds no credential: no session token (in a Cookie or a
 * Set-Cookie header), no password, no secret in a URL. Each request is one lean line with an
 * id the client also receives as X-Request-Id; a 5xx logs its cause under that id.
 */
let server: TestServer;
const log = capturedLog();

beforeAll(async () => {
  server = await startTestServer({ pages: true, log: { level: "info", destination: log.destination } });
});
afterAll(async () => {
  await server.close();
});

/** One line of pino's JSON log: the fields these tests read, every other field kept as it came. */
const logLine = z.looseObject({
  level: z.number(),
  reqId: z.string().optional(),
  route: z.string().optional(),
  err: z.looseObject({ message: z.string().optional() }).optional(),
});
const parseLog = (text: string) =>
  text
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => logLine.parse(JSON.parse(line)));
const lines = () => parseLog(log.text());

describe("request log", () => {
  it("holds no session token, password or header after signing in through the real server", async () => {
    const owner = await createFirmOwner(makeDeps(server.app.deps.db));
    const { post, page } = browserless(server.url);

    const viaApi = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ email: owner.email, password: PASSWORD }),
    });
    expect(viaApi.status).toBe(200);
    const viaPage = await post("/login", undefined, { email: owner.email, password: PASSWORD, redirectTo: "/home" });
    expect(viaPage.status).toBe(302);
    const wrong = await post("/login", undefined, { email: owner.email, password: `${PASSWORD}-wrong` });
    expect(wrong.status).toBe(400);

    const tokens = [...viaApi.headers.getSetCookie(), ...viaPage.headers.getSetCookie()]
      .map((c) => c.split(";")[0])
      .filter((c) => c.startsWith("better-auth.session_token="))
      .map((c) => c.slice(c.indexOf("=") + 1));
    expect(tokens.length).toBe(2);
    const cookie = `better-auth.session_token=${tokens[0]}`;
    const home = await page("/home", cookie);
    expect(home.status).toBe(200);
    await home.text(); // the line is written when the streamed page has finished
    expect(
      (await fetch(`${server.url}/api/v1/firms/me`, { headers: { cookie, authorization: "Bearer not-a-real-token-123" } })).status,
    ).toBe(200);

    // Whose request it was: the user's id (never a credential), on pages and the API alike, each
    // named by its route: the page's Remix route id, the API operation's pattern.
    const signedInLines = () => lines().filter((l) => l.route === "routes/home" || l.route === "/api/v1/firms/me");
    await expect.poll(() => signedInLines().length).toBe(2);
    expect(signedInLines().map(({ route, status, userId }) => ({ route, status, userId }))).toEqual([
      { route: "routes/home", status: 200, userId: owner.userId },
      { route: "/api/v1/firms/me", status: 200, userId: owner.userId },
    ]);
    for (const token of tokens) {
      expect(log.text()).not.toContain(token);
      expect(log.text()).not.toContain(decodeURIComponent(token));
      // The token's id part alone (before the signature) is the session's key in the database.
      expect(log.text()).not.toContain(decodeURIComponent(token).split(".")[0]);
    }
    expect(log.text()).not.toContain(PASSWORD);
    expect(log.text()).not.toContain("not-a-real-token-123");
    expect(log.text()).not.toMatch(/"(cookie|set-cookie|authorization)":"(?!\[redacted\])/i);
  });

  it("logs each request as one lean line: method, route, status, time, request id (and the user, when signed in); the id goes back as X-Request-Id", async () => {
    const res = await fetch(`${server.url}/login?redirectTo=%2Fhome`, {
      headers: { "user-agent": "x".repeat(500), "accept-language": "es" },
    });
    expect(res.status).toBe(200);
    await res.text();
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const ownLine = () => lines().find((l) => l.reqId === id && l.status !== undefined);
    await expect.poll(ownLine).toBeDefined();
    const { time, ms, ...line } = ownLine()!;
    expect(line).toEqual({
      level: 30,
      pid: process.pid,
      hostname: expect.any(String) as string,
      reqId: id,
      method: "GET",
      route: "routes/login",
      status: 200,
      msg: "request completed",
    });
    expect([typeof time, typeof ms]).toEqual(["number", "number"]);
    expect(JSON.stringify(line).length).toBeLessThan(300);
    expect(JSON.stringify(line)).not.toContain("xxxxxxxxxx");
  });

  it("adds the URL (secrets masked) and the user agent at debug level only", async () => {
    const debugLog = capturedLog();
    const verbose = await startTestServer({
      log: {
        level: "debug",
        destination: debugLog.destination,
      },
    });
    try {
      const res = await fetch(`${verbose.url}/api/v1/networks/some-id?token=secret-query-9876`, { headers: { "user-agent": "probe/1.0" } });
      expect(res.status).toBe(401);
      const id = res.headers.get("x-request-id");
      const ownLine = () => parseLog(debugLog.text()).find((l) => l.reqId === id && l.status !== undefined);
      await expect.poll(ownLine).toBeDefined();
      expect(ownLine()).toMatchObject({
        level: 40,
        method: "GET",
        route: "/api/v1/networks/:networkId",
        status: 401,
        url: "/api/v1/networks/some-id?token=[redacted]",
        userAgent: "probe/1.0",
      });
      expect(debugLog.text()).not.toContain("secret-query-9876");
    } finally {
      await verbose.close();
    }
  });

  it("keeps secrets of URLs (calendar feeds, invitations, lead tokens) out of the log", async () => {
    await fetch(`${server.url}/calendar/secret-feed-token-1234.ics`);
    await fetch(`${server.url}/signup?lead=secret-lead-token-5678&role=buyer`);
    await expect.poll(() => lines().filter((l) => l.route === "routes/signup").length).toBe(1);
    expect(log.text()).not.toContain("secret-feed-token-1234");
    expect(log.text()).not.toContain("secret-lead-token-5678");
    expect(loggableUrl("/invitations/abc-def/accept?x=1")).toBe("/invitations/[redacted]/accept?x=1");
    expect(loggableUrl("/api/v1/invitations/abc-def/accept")).toBe("/api/v1/invitations/[redacted]/accept");
    expect(loggableUrl("/calendar/abc.ics")).toBe("/calendar/[redacted].ics");
    expect(loggableUrl("/x?_data=routes%2Fx&token=1")).toBe("/x?_data=routes%2Fx&token=[redacted]");
  });
});

describe("a 5xx", () => {
  it("logs its cause under the request id, which the client receives to quote", async () => {
    const faultLog = capturedLog();
    const faulty = await startTestServer({
      pages: true,
      log: {
        level: "info",
        destination: faultLog.destination,
      },
    });
    try {
      const owner = await createFirmOwner(makeDeps(faulty.app.deps.db));
      const cookie = (
        await fetch(`${faulty.url}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: faulty.url },
          body: JSON.stringify({ email: owner.email, password: PASSWORD }),
        })
      ).headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      // A real fault: the database goes away under the running server.
      await faulty.app.database.close();

      const api = await fetch(`${faulty.url}/api/v1/firms/me`, { headers: { cookie } });
      expect(api.status).toBe(500);
      const apiId = api.headers.get("x-request-id");
      const answer: unknown = await api.json();
      expect(answer).toEqual({ error: { code: "internal", message: "Something went wrong", requestId: apiId } });

      const page = await fetch(`${faulty.url}/home`, { headers: { cookie } });
      expect(page.status).toBe(500);
      const pageId = page.headers.get("x-request-id");
      await page.text();

      const parsed = () => parseLog(faultLog.text());
      for (const id of [apiId, pageId]) {
        // The cause (an error with its message), on an error line carrying the request id.
        await expect
          .poll(() =>
            parsed().some(
              (l) => l.level >= 50 && l.reqId === id && Boolean(l.err?.message) && !l.err?.message?.startsWith("failed with status code"),
            ),
          )
          .toBe(true);
      }
    } finally {
      // The database is closed already; close the rest.
      await faulty.close().catch(() => {});
    }
  });
});
