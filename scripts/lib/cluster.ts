/**
 * What the multi-process tests share: starting server processes on one PostgreSQL database and
 * one Redis, and talking to them as a browser would (cookies, Origin, socket.io).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { io, type Socket } from "socket.io-client";
import { signIn, compiledServer } from "../bench/shared";

/** Polls `probe` until it returns a value, the child exits, or the time is up. */
export async function waitFor<T>(what: string, probe: () => Promise<T | null> | T | null, child?: ChildProcess, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what}: the process exited with ${child.exitCode}`);
    const value = await probe();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not within ${ms / 1000} s`);
}

/**
 * Starts a server process on `port` with the given environment (on top of this one's) and
 * resolves once it is ready as a load balancer would ask: the database and Redis both answer it.
 */
export async function startServer(name: string, port: number, env: Record<string, string>, children: ChildProcess[]): Promise<string> {
  const url = `http://127.0.0.1:${port}`;
  // The compiled server, as `npm start` runs it.
  const { command, args } = compiledServer(".");
  const child = spawn(command, args, {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  const checks = await waitFor(`process ${name} ready`, () => readyChecks(url), child);
  if (checks.database !== "ok" || checks.redis !== "ok") throw new Error(`process ${name} is ready without ${JSON.stringify(checks)}`);
  return url;
}

/** The readiness checks at `url`, or null while nothing listens there or it is not ready yet. */
export async function readyChecks(url: string): Promise<Record<string, string> | null> {
  try {
    const res = await fetch(`${url}/readyz`);
    return res.ok ? ((await res.json()) as { checks: Record<string, string> }).checks : null;
  } catch {
    return null; // not listening yet
  }
}

/** Stops every child (SIGTERM) and waits until each has exited. */
export async function stopChildren(children: ChildProcess[]): Promise<void> {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once("exit", r)))));
}

/** Signs up through `base` (a page form post), then signs in; returns the session cookie. */
export async function signUpThrough(base: string, fields: Record<string, string>): Promise<string> {
  const res = await fetch(`${base}/signup`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams(fields),
  });
  if (res.status !== 302 && res.status !== 303) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  // Sign-up signs no one in (it answers a registered email the same way): sign in next.
  return signIn(base, fields.email, fields.password);
}

/** A JSON call to /api/v1 with a session cookie. */
export async function call(base: string, method: string, path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { cookie, origin: base, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** A connected socket.io client at `base` with the session cookie (websocket unless told otherwise). */
export function liveSocket(
  base: string,
  cookie: string,
  options: { transports?: Array<"websocket" | "polling">; headers?: Record<string, string> } = {},
): Promise<Socket> {
  const socket = io(base, {
    transports: options.transports ?? ["websocket"],
    extraHeaders: { cookie, ...options.headers },
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** The sign-up form of a firm owner (a new firm) named after `tag`. */
export function ownerSignUp(tag: string, email: string, password: string): Record<string, string> {
  return {
    role: "sme",
    firmChoice: "create",
    name: `Owner ${tag}`,
    email,
    password,
    firmName: `Firm ${tag}`,
    country: "BR",
    sector: "1520",
    link: "assembly",
    tier: "1",
  };
}

/** Resolves with the payload of the socket's next `event`; rejects after `ms`. */
export function nextEvent<T>(socket: Socket, event: string, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no ${event} within ${ms} ms`)), ms);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** A firm owner signed up through `base`: the session cookie and the firm's id. */
export async function firmOwner(base: string, tag: string, email: string, password: string) {
  const cookie = await signUpThrough(base, ownerSignUp(tag, email, password));
  const { firm } = (await call(base, "GET", "/firms/me", cookie)) as { firm: { id: string } };
  return { cookie, firmId: firm.id };
}

/** Someone signs up asking to join the firm: its owner is notified (firm_join_requested) and the notification pushed. */
export async function askToJoin(base: string, firmId: string, tag: string, email: string, password: string): Promise<void> {
  await signUpThrough(base, { role: "sme", firmChoice: "join", name: `Joiner ${tag}`, email, password, firmId });
}

/** The owner's notification `id` is in their list at `base`. */
export async function hasJoinNotification(base: string, cookie: string, id: string): Promise<boolean> {
  const body = (await call(base, "GET", "/notifications", cookie)) as { items: Array<{ id: string; type: string }> };
  return body.items.some((n) => n.id === id && n.type === "firm_join_requested");
}
