import net from "node:net";
import { Writable } from "node:stream";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { DestinationStream } from "pino";
import { createJointly, type Jointly } from "../server/app";
import { parseEnv } from "../server/env";
import { createLogger } from "../server/http/request-log";
import { createTestDatabase } from "./db";

/**
 * A whole Jointly process on a random port with its own fresh database, for HTTP and socket
 * tests. With `pages: true` it also serves the Remix build (run `npm run build` first).
 */
export interface TestServer {
  url: string;
  app: Jointly;
  close(): Promise<void>;
}

export async function startTestServer(
  options: {
    pages?: boolean;
    env?: Record<string, string>;
    /** Where the server's log goes (silent without). */
    log?: { level: string; destination: DestinationStream };
    sessionCheckMs?: number;
  } = {},
): Promise<TestServer> {
  const testDb = await createTestDatabase();
  // The server opens its own handle: close the probe handle but keep the database.
  await testDb.close();
  const port = await freePort();
  const env = parseEnv({
    NODE_ENV: "test",
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    ...(testDb.url ? { DATABASE_URL: testDb.url } : { DATA_DIR: "memory://" }),
    ...options.env,
  });
  let build: ServerBuild | undefined;
  if (options.pages) {
    const file = fileURLToPath(new URL("../build/index.js", import.meta.url));
    if (!existsSync(file)) throw new Error("Run `npm run build` before the page tests");
    build = (await import(pathToFileURL(file).href)) as ServerBuild;
  }
  const logger = options.log ? createLogger(options.log.level, options.log.destination) : createLogger("silent");
  const app = await createJointly({ env, logger, build, sessionCheckMs: options.sessionCheckMs });
  await app.listen();
  const url = env.PUBLIC_URL;
  return {
    url,
    app,
    async close() {
      try {
        await app.close();
      } finally {
        // Even when closing failed (a test closed the database itself), drop its database.
        await testDb.drop().catch(() => {});
      }
    },
  };
}

/** A port free right now; better-auth must know its public URL before the server listens. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A cookie jar of one: signs in through better-auth and keeps the session cookie. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export function api(url: string, cookie?: string) {
  const call = async (method: string, pathname: string, body?: unknown) => {
    const response = await fetch(`${url}/api/v1${pathname}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}), origin: url },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    // Read it with `expectDocumented` or `failure` (test/answers.ts), which say what it holds.
    const json: unknown = text ? JSON.parse(text) : null;
    return { status: response.status, body: json };
  };
  return {
    get: (p: string) => call("GET", p),
    post: (p: string, b?: unknown) => call("POST", p, b ?? {}),
    put: (p: string, b?: unknown) => call("PUT", p, b ?? {}),
    delete: (p: string) => call("DELETE", p),
  };
}

/**
 * Pages as a browser without JavaScript uses them: GET without following redirects, and form
 * POSTs (repeated fields for lists) with the site's own Origin.
 */
/**
 * A page's HTML without the language's messages it carries for the browser's i18next (a JSON
 * element holding every message template), so that a check for what the page shows, or must
 * not show, reads the page alone.
 */
export function withoutMessages(html: string): string {
  return html.replace(/<script id="page-messages" type="application\/json">.*?<\/script>/s, "");
}

export function browserless(url: string) {
  const page = (path: string, cookie?: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { redirect: "manual", ...init, headers: { ...(cookie ? { cookie } : {}), ...(init.headers ?? {}) } });
  const post = (path: string, cookie: string | undefined, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
    return page(path, cookie, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", origin: url } });
  };
  return { page, post };
}

/** A log destination that keeps what the server wrote, for tests that read its lines. */
export function capturedLog(): { destination: Writable; text: () => string } {
  let text = "";
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { destination, text: () => text };
}
