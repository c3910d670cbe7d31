/**
 * Three server processes behind nginx, configured from deploy/nginx: one PostgreSQL database,
 * one Redis. Live updates caused through the proxy reach clients of every process, socket.io's
 * polling fallback stays on one process per session, and the processes see the client's own
 * address and the proxy's request id.
 *
 * Needs nginx (scripts/ensure-nginx.sh), TEST_DATABASE_URL (a PostgreSQL server URL; a unique
 * database is created and dropped), REDIS_URL and the production build. Run by .ci/run; locally:
 * `npm run test:proxy` (PROXY_PORT picks the proxy's port, a free one by default).
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import http from "node:http";
import { chromium, type Browser, type Page } from "@playwright/test";
import type { Socket } from "socket.io-client";
import { CHROMIUM_LAUNCH } from "../playwright.config";
import {
  askToJoin,
  firmOwner,
  hasJoinNotification,
  liveSocket,
  nextEvent,
  readyChecks,
  startServer,
  stopChildren,
  waitFor,
} from "./lib/cluster";
import { dropDatabase, scratchDatabase } from "./bench/postgres";
import { freePort, signIn } from "./bench/shared";
import { accessLines, nginxVersion, startNginx, type Proxy } from "./lib/nginx";

const serverUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const version = nginxVersion();
if (!serverUrl || !redisUrl || !version) {
  console.log("proxy test needs TEST_DATABASE_URL, REDIS_URL and nginx (bash scripts/ensure-nginx.sh)");
  process.exit(1);
}

const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const dbName = `jointly_proxy_${runId}`;
const PASSWORD = "proxy-test-password";
const NAMES = ["A", "B", "C"];
/** The client's address in the address check: another loopback address than the proxy's own. */
const CLIENT_ADDRESS = "127.0.0.2";
const MAX_SESSIONS = 45;
const children: ChildProcess[] = [];
const sockets: Socket[] = [];
let proxy: Proxy | null = null;

interface Cluster {
  proxy: Proxy;
  /** Process name by the address nginx names it with ("127.0.0.1:PORT"). */
  names: Map<string, string>;
  /** Each process's own URL, for clients connected to it directly. */
  direct: Array<{ name: string; url: string }>;
}

/** Process A first (it migrates), then B, C and nginx at once; resolves when the proxy is ready. */
async function startCluster(databaseUrl: string): Promise<Cluster> {
  const ports = [await freePort(), await freePort(), await freePort()];
  const proxyPort = Number(process.env.PROXY_PORT) || (await freePort());
  const publicUrl = `http://127.0.0.1:${proxyPort}`;
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl!,
    REDIS_PREFIX: `jointly-proxy-${runId}`,
    // Every process signs and verifies sessions with the same secret.
    BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
    // Browsers know the proxy's address only; only the proxy may name the client.
    PUBLIC_URL: publicUrl,
    TRUST_PROXY: "127.0.0.1",
    // Many sign-ins from one test address; the limits have their own tests.
    AUTH_RATE_LIMIT: "false",
  };
  const start = (i: number) => startServer(NAMES[i], ports[i], env, children);
  const first = await start(0);
  const addresses = ports.map((port) => `127.0.0.1:${port}`);
  proxy = startNginx(proxyPort, addresses, children);
  const rest = await Promise.all([start(1), start(2)]);
  const through = proxy;
  await waitFor("the proxy ready", () => readyChecks(through.url), through.child);
  return {
    proxy,
    names: new Map(addresses.map((address, i) => [address, NAMES[i]])),
    direct: [first, ...rest].map((url, i) => ({ name: NAMES[i], url })),
  };
}

/** An HTTP request sent from `localAddress` (fetch cannot choose its source address). */
function requestFrom(localAddress: string, url: string, init: { method: string; headers: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: init.method, headers: init.headers, localAddress }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.once("error", reject);
    req.end(init.body);
  });
}

/** The processes see the client's address (not the proxy's, not a forged one) and keep the proxy's request id. */
async function addressAndRequestId({ proxy: { url }, proxy: p }: Cluster) {
  const email = `address-${runId}@proxy.example`;
  await firmOwner(url, "Address", email, PASSWORD);
  // A client that claims another address: nginx appends the real one, and the app trusts only the proxy.
  const signIn = await requestFrom(CLIENT_ADDRESS, `${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, "x-forwarded-for": "203.0.113.9" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in from ${CLIENT_ADDRESS} failed: ${signIn.status} ${signIn.body}`);
  const cookie = (signIn.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const session = await fetch(`${url}/api/auth/get-session`, { headers: { cookie } });
  const { session: stored } = (await session.json()) as { session: { ipAddress: string } };
  if (stored.ipAddress !== CLIENT_ADDRESS) throw new Error(`the session's address is ${stored.ipAddress}, not ${CLIENT_ADDRESS}`);

  // A client's plain id is kept end to end; without one, the app answers with nginx's, as logged.
  const own = `proxy-test-${runId}`;
  const kept = await fetch(`${url}/api/v1/openapi.json`, { headers: { "x-request-id": own } });
  if (kept.headers.get("x-request-id") !== own) throw new Error(`the client's request id came back as ${kept.headers.get("x-request-id")}`);
  const fresh = (await fetch(`${url}/api/v1/openapi.json`)).headers.get("x-request-id") ?? "";
  if (!/^[0-9a-f]{32}$/.test(fresh)) throw new Error(`the app did not keep nginx's request id: ${fresh}`);
  await waitFor("the proxy's log line for its request id", () => (accessLines(p).some((l) => l.id === fresh) ? true : null));
}

interface Listener {
  label: string;
  socket: Socket;
}

/**
 * Sessions of one owner connect through the proxy with the polling transport until they have
 * reached every process; each must have stayed on one process for all its requests.
 */
async function pollingClientsOnEveryProcess(cluster: Cluster, email: string): Promise<Array<Listener & { process: string }>> {
  const clients: Array<Listener & { process: string }> = [];
  const reached = () => new Set(clients.map((c) => c.process)).size;
  // A session lands on a process by its cookie's hash: 5.5 sessions reach all three on average,
  // and 45 miss one with a chance of about 1 in 10^7.
  for (let i = 0; i < MAX_SESSIONS && reached() < NAMES.length; i++) {
    const id = `poll-${i}-${runId}`;
    const cookie = await signIn(cluster.proxy.url, email, PASSWORD);
    const socket = await liveSocket(cluster.proxy.url, cookie, { transports: ["polling"], headers: { "x-request-id": id } });
    sockets.push(socket);
    // The handshake and the connect packet are logged by now; the long poll after them is still open.
    const lines = await waitFor(`${id}'s requests in the proxy's log`, () => {
      const mine = accessLines(cluster.proxy).filter((l) => l.id === id);
      return mine.length >= 2 ? mine : null;
    });
    const upstreams = [...new Set(lines.map((l) => l.upstream))];
    if (upstreams.length !== 1 || lines.some((l) => l.status !== 200)) {
      throw new Error(`polling client ${id} was not kept on one process: ${JSON.stringify(lines)}`);
    }
    const process = cluster.names.get(upstreams[0]) ?? upstreams[0];
    clients.push({ label: `polling via the proxy on ${process}`, socket, process });
  }
  if (reached() < NAMES.length)
    throw new Error(`${MAX_SESSIONS} sessions reached only ${[...new Set(clients.map((c) => c.process))].join(", ")}`);
  return clients;
}

/** A change made through the proxy reaches the owner's clients on every process, direct and proxied. */
async function liveAcrossProcesses(cluster: Cluster) {
  const email = `owner-${runId}@proxy.example`;
  const { cookie, firmId } = await firmOwner(cluster.proxy.url, "Proxy", email, PASSWORD);
  const listeners: Listener[] = [];
  for (const { name, url } of cluster.direct) {
    const socket = await liveSocket(url, cookie);
    sockets.push(socket);
    listeners.push({ label: `direct to ${name}`, socket });
  }
  const polling = await pollingClientsOnEveryProcess(cluster, email);
  const websocket = await liveSocket(cluster.proxy.url, await signIn(cluster.proxy.url, email, PASSWORD));
  sockets.push(websocket);
  listeners.push(...polling, { label: "websocket via the proxy", socket: websocket });

  const heard = listeners.map(({ label, socket }) => nextEvent<{ id: string }>(socket, "notification:created", 10_000, label));
  await askToJoin(cluster.proxy.url, firmId, "Proxy", `joiner-${runId}@proxy.example`, PASSWORD);
  const payloads = await Promise.all(heard);
  if (new Set(payloads.map((p) => p.id)).size !== 1) throw new Error("the clients heard different notifications");
  if (!(await hasJoinNotification(cluster.proxy.url, cookie, payloads[0].id))) throw new Error("the notification is not in the list");
  const signUp = accessLines(cluster.proxy).findLast((l) => l.request.startsWith("POST /signup"));
  const perProcess = NAMES.map((name) => `${name} ${polling.filter((c) => c.process === name).length}`).join(", ");
  return `${listeners.length} clients heard the sign-up served by ${cluster.names.get(signUp?.upstream ?? "")}: direct to A, B, C; polling via the proxy (${perProcess}); one websocket via the proxy`;
}

/** Stands in for a network that refuses WebSocket: every attempt fails as a refused connection does. */
const REFUSE_WEBSOCKET = `window.WebSocket = class extends EventTarget {
  constructor() {
    super();
    this.readyState = 0;
    setTimeout(() => {
      this.readyState = 3;
      this.onerror?.(new Event("error"));
      this.onclose?.(new CloseEvent("close", { code: 1006 }));
    });
  }
  send() {}
  close() {}
};`;

/** A signed-in page of the owner's firm through the proxy, live; `refuseWebSocket` leaves it long polling only. */
async function ownerPage(browser: Browser, url: string, email: string, refuseWebSocket: boolean, errors: string[]) {
  const context = await browser.newContext({ baseURL: url, locale: "en-US" });
  if (refuseWebSocket) await context.addInitScript(REFUSE_WEBSOCKET);
  const cookie = await signIn(url, email, PASSWORD);
  await context.addCookies(cookie.split("; ").map((pair) => ({ name: pair.split("=")[0], value: pair.slice(pair.indexOf("=") + 1), url })));
  const page = await context.newPage();
  const transports = new Set<string>();
  page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
  page.on("websocket", (ws) => void (ws.url().includes("/socket.io/") && transports.add("websocket")));
  page.on("request", (req) => void (req.url().includes("transport=polling") && transports.add("polling")));
  await page.goto("/firm");
  await page.locator('[data-testid="live-state"][data-state="live"]').waitFor();
  await page.getByTestId("unread-count").filter({ hasText: "0" }).waitFor();
  return { page, transports };
}

/** Two browsers of the firm's owner through the proxy (one on WebSocket, one long polling) see a third's change live. */
async function browsersLive(cluster: Cluster) {
  const url = cluster.proxy.url;
  const email = `browser-${runId}@proxy.example`;
  const { firmId } = await firmOwner(url, "Browser", email, PASSWORD);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const errors: string[] = [];
    const owners = [await ownerPage(browser, url, email, false, errors), await ownerPage(browser, url, email, true, errors)];
    // A third browser asks to join the firm.
    const joiner = await browser.newContext({ baseURL: url });
    const fields = {
      role: "sme",
      firmChoice: "join",
      name: "Browser Joiner",
      email: `browser-joiner-${runId}@proxy.example`,
      password: PASSWORD,
      firmId,
    };
    const res = await joiner.request.post("/signup", { form: fields, headers: { origin: url }, maxRedirects: 0 });
    if (res.status() !== 302) throw new Error(`the joiner's sign-up answered ${res.status()}`);
    await Promise.all(owners.map(({ page }: { page: Page }) => page.getByTestId("unread-count").filter({ hasText: "1" }).waitFor()));
    const [ws, polling] = owners.map((o) => [...o.transports].join("+"));
    if (ws !== "websocket" || polling !== "polling") throw new Error(`the pages used ${ws} and ${polling}`);
    if (errors.length > 0) throw new Error(`console errors: ${errors.join(" | ")}`);
    return "Chromium: one page on WebSocket, one with WebSocket refused on long polling; both showed the join request live";
  } finally {
    await browser.close();
  }
}

async function check(name: string, run: () => Promise<string | void>): Promise<boolean> {
  try {
    const detail = await run();
    console.log(`proxy ${name}: ok${detail ? ` (${detail})` : ""}`);
    return true;
  } catch (error) {
    console.log(`proxy ${name}: FAILED: ${(error as Error).message}`);
    return false;
  }
}

let cleaning: Promise<void> | null = null;

/** Closes the clients, stops nginx and the processes, drops the database: once, whoever asks first (the end or a signal). */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const socket of sockets) socket.close();
    await stopChildren(children);
    await dropDatabase(serverUrl!, dbName);
    if (proxy) rmSync(proxy.dir, { recursive: true, force: true });
  })();
  return cleaning;
}

async function main() {
  console.log(`proxy test with ${version}`);
  const databaseUrl = (await scratchDatabase(serverUrl!, dbName)).url;
  const results: boolean[] = [];
  try {
    const cluster = await startCluster(databaseUrl);
    results.push(await check("client address and request id", () => addressAndRequestId(cluster)));
    results.push(await check("live updates across 3 processes", () => liveAcrossProcesses(cluster)));
    results.push(await check("browsers live through the proxy", () => browsersLive(cluster)));
  } catch (error) {
    console.log(`proxy test: FAILED to start: ${(error as Error).message}`);
    results.push(false);
  } finally {
    await cleanUp();
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}
void main();
